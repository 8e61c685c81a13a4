# newsgraph: `make` lists the targets.
GO ?= go
BIN := bin/newsgraph
FUZZTIME ?= 30s
# bench-load at 100,000 articles: NEWSGRAPH_BENCH_ARTICLES=100000 BENCH_TIMEOUT=150m make bench-load
BENCH_TIMEOUT ?= 30m

.DEFAULT_GOAL := help
.PHONY: help build test neo4j-up neo4j-down neo4j-status demo screenshot bench bench-load fuzz train-events train-parser

help: ## list the targets
	@echo "usage: make TARGET"
	@awk 'BEGIN { FS = ":.*## " } /^[a-z0-9-]+:.*## / { printf "  %-13s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

build: ## build bin/newsgraph
	$(GO) build -o $(BIN) ./cmd/newsgraph

test: ## go vet, go test ./... against a real Neo4j (started and stopped unless NEO4J_URI is set); TESTFLAGS="-run X -v"
	TESTFLAGS="$(TESTFLAGS)" scripts/test

neo4j-up: ## start Neo4j (Docker if an engine answers, else JDK 17 + Maven) and wait for Bolt
	scripts/neo4j up

neo4j-down: ## stop the Neo4j that neo4j-up started
	scripts/neo4j down

neo4j-status: ## is Neo4j running? pid, ports, URI
	@scripts/neo4j status || [ $$? -eq 3 ]

demo: build neo4j-up ## start Neo4j, load the sample articles (examples/), show who met whom
	eval "$$(scripts/neo4j env)" && ./$(BIN) load examples/articles && ./$(BIN) who-met

screenshot: ## load the seed article and save its graph in Neo4j Browser as docs/img/seed-graph.png (needs Node.js, Chromium)
	scripts/screenshot/run

bench: ## run the Go benchmarks
	$(GO) test -run '^$$' -bench . -benchmem ./...

bench-load: ## load 10,000 generated articles of real length and density into the test Neo4j: extract-only vs cold and warm (after 2 warm-up loads) batched load (ratio), one tx per article, the wipe
	scripts/test $(GO) test -run '^$$' -bench BenchmarkLoad -benchtime 1x -timeout $(BENCH_TIMEOUT) ./internal/cli/

fuzz: ## run every fuzz test for FUZZTIME each (default 30s)
	@set -e; for pkg in $$($(GO) list ./...); do \
		for fn in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "fuzz $$pkg $$fn ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done

EVENTS_SETS := m2e2 conll2003 rams rams-sentences conll2003-sentences abp-sentences abp-sentences-2 abp-sentences-4 fakes-sentences isot-sentences abp-sentences-5 ukrg-sentences abp-judged isot-judged abp-judged-3 abp-judged-5 abp-judged-6 abp-judged-2 isot-judged-2 abp-judged-4 abp-judged-8 te3-judged bfw-judged lee-judged
train-events: ## retrain the event models: M2E2=zip CONLL=train.txt RAMS=dir ABP=dir FAKES=csv ISOT=csv UKRG=csv TE3=dir BFW=dir LEE=file TMT=wheel (see data/events/README.md)
	python3 scripts/train-events/corpora.py rebuild --m2e2 "$(M2E2)" --conll "$(CONLL)" --rams "$(RAMS)" --abp "$(ABP)" --fakes "$(FAKES)" --isot "$(ISOT)" --ukrg "$(UKRG)" --te3 "$(TE3)" --bfw "$(BFW)" --lee "$(LEE)" --tmt "$(TMT)" --out .cache/events
	$(GO) run ./scripts/train-events $(foreach s,$(EVENTS_SETS),-data .cache/events/$(s):data/events/$(s)) -out extract/data/events.model.gz

WORDNET ?= /usr/share/wordnet
train-parser: ## retrain the tagger, lemmatiser and parser: EWT=UD_English-EWT git dir, CONLL=train.txt (CoNLL-2003); then retrain the events (see README, Syntax)
	scripts/train-parser/ewt.sh "$(EWT)" .cache/ud/ewt
	$(GO) run ./scripts/train-parser -train .cache/ud/ewt/en_ewt-ud-train.conllu,.cache/ud/ewt/en_ewt-ud-dev.conllu -ensemble 8 \
		-wordnet $(WORDNET) -tag-news "$(CONLL)" -meta "UD English-EWT train and dev; tagger also on CoNLL-2003 news" \
		-out extract/syntax/data/syntax.model.gz
