package graph

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// AdminReportFile is the file in the export folder that `neo4j-admin
// database import` writes its report of skipped or bad rows to.
const AdminReportFile = "import.report"

// AdminArrayDelimiter separates the elements of array properties
// (aliases, roles) in the CSV files; the import command gets it as
// --array-delimiter.
const AdminArrayDelimiter = ";"

// An adminFile is one node or relationship CSV file of an AdminExport: a
// header file (NAME.header.csv) and a data file (NAME.csv), as
// `neo4j-admin database import full --nodes=HEADER,DATA` takes them.
type adminFile struct {
	name   string   // file stem: "Person", "MENTIONS-Article-Person"
	rel    bool     // relationship file (--relationships) or node file (--nodes)
	kind   string   // the label or relationship type
	header []string // the header fields
	f      *os.File
	w      *bufio.Writer
	rows   int
}

// The files of an export, in the order of the import command.
var adminFiles = []struct {
	name   string
	rel    bool
	header string
}{
	{"Article", false, "id:ID(Article),:LABEL,title,url,published,source,path,contentHash"},
	{"Person", false, "key:ID(Person),:LABEL,name,surname,aliases:string[],roles:string[]"},
	{"Country", false, "code:ID(Country),:LABEL,name"},
	{"Place", false, "key:ID(Place),:LABEL,name"},
	{"Organization", false, "key:ID(Organization),:LABEL,name"},
	{"Meeting", false, "key:ID(Meeting),:LABEL,date,status,cameo"},
	{"Trip", false, "key:ID(Trip),:LABEL"},
	{"Strike", false, "key:ID(Strike),:LABEL,date,weapon,killed:long,injured:long,cameo"},

	{"MENTIONS-Article-Person", true, ":START_ID(Article),:END_ID(Person),:TYPE,name,names:string[],roles:string[],reps:string[]"},
	{"MENTIONS-Article-Country", true, ":START_ID(Article),:END_ID(Country),:TYPE"},
	{"MENTIONS-Article-Place", true, ":START_ID(Article),:END_ID(Place),:TYPE"},
	{"MENTIONS-Article-Organization", true, ":START_ID(Article),:END_ID(Organization),:TYPE"},
	{"REPORTS-Article-Meeting", true, ":START_ID(Article),:END_ID(Meeting),:TYPE,evidence,start:long,end:long,rule,confidence:double"},
	{"REPORTS-Article-Trip", true, ":START_ID(Article),:END_ID(Trip),:TYPE,evidence,start:long,end:long,rule,confidence:double"},
	{"REPORTS-Article-Strike", true, ":START_ID(Article),:END_ID(Strike),:TYPE,evidence,start:long,end:long,rule,confidence:double"},
	{"REPRESENTS-Person-Country", true, ":START_ID(Person),:END_ID(Country),:TYPE,role"},
	{"IN-Place-Country", true, ":START_ID(Place),:END_ID(Country),:TYPE"},
	{"ATTENDED-Person-Meeting", true, ":START_ID(Person),:END_ID(Meeting),:TYPE"},
	{"HELD_IN-Meeting-Place", true, ":START_ID(Meeting),:END_ID(Place),:TYPE"},
	{"ON_TRIP-Person-Trip", true, ":START_ID(Person),:END_ID(Trip),:TYPE"},
	{"TO-Trip-Place", true, ":START_ID(Trip),:END_ID(Place),:TYPE"},
	{"HIT-Strike-Place", true, ":START_ID(Strike),:END_ID(Place),:TYPE"},
	{"LAUNCHED-Country-Strike", true, ":START_ID(Country),:END_ID(Strike),:TYPE"},
	{"LAUNCHED-Organization-Strike", true, ":START_ID(Organization),:END_ID(Strike),:TYPE"},
	{"MET-Person-Person", true, ":START_ID(Person),:END_ID(Person),:TYPE,count:long,occurred:long,planned:long,firstDate,lastDate"},
	{"TRAVELED_WITH-Person-Person", true, ":START_ID(Person),:END_ID(Person),:TYPE,count:long"},
	{"STRUCK-Country-Place", true, ":START_ID(Country),:END_ID(Place),:TYPE,count:long,firstDate,lastDate,killed:long"},
	{"STRUCK-Organization-Place", true, ":START_ID(Organization),:END_ID(Place),:TYPE,count:long,firstDate,lastDate,killed:long"},
}

// AdminExport writes the CSV files that `neo4j-admin database import
// full` turns into the same graph a Store.Write of the same items, in the
// same batches, into an empty database would build: the same labels, keys,
// properties and relationships, including the derived MET, TRAVELED_WITH
// and STRUCK edges with their counts and dates. It needs no Neo4j.
//
// Facts become rows by the mapping the loader uses (build); AdminExport
// replays the rows with the MERGE semantics of the loader's Cypher: each
// node and relationship once, first-write properties (a place's name)
// from the first row, last-write ones (a strike's casualties) from the
// last. Articles, places, organisations, trips and most relationships
// stream to disk; persons, countries, meetings, strikes and the derived
// edges, whose properties accumulate, are held by key and written by
// Close. Memory grows with the number of distinct entities and events,
// not with the text of the articles.
type AdminExport struct {
	dir         string
	countryName CountryNamer
	files       map[string]*adminFile
	order       []*adminFile

	// known stands in for the database when persons are resolved: the
	// multi-word persons written so far, by surname, with the countries
	// they represent.
	known knownPersons

	articles   map[string]bool
	persons    map[string]*personAgg
	countries  map[string]string // code -> name
	places     map[string]bool
	orgs       map[string]bool
	meetings   map[string]*meetingAgg
	trips      map[string]bool
	strikes    map[string]*strikeRow
	represents map[[2]string]string // person, country -> role
	met        map[[2]string]*metAgg
	traveled   map[[2]string]int

	stats AdminStats
}

// AdminStats counts what an export wrote.
type AdminStats struct {
	Articles      int            `json:"articles"`
	Duplicates    int            `json:"duplicates"`
	Nodes         map[string]int `json:"nodes"`
	Relationships map[string]int `json:"relationships"`
}

type personAgg struct {
	name, surname  string
	aliases, roles []string
}

type meetingAgg struct{ date, status, cameo string }

type metAgg struct {
	count, planned int
	first, last    string
}

// NewAdminExport creates dir (if needed) and the CSV files in it.
// countryName names the countries the articles mention, as for Write.
func NewAdminExport(dir string, countryName CountryNamer) (*AdminExport, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create export folder: %w", err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("export folder %s: %w", dir, err)
	}
	x := &AdminExport{
		dir: abs, countryName: countryName, files: map[string]*adminFile{},
		known: knownPersons{}, articles: map[string]bool{}, persons: map[string]*personAgg{},
		countries: map[string]string{}, places: map[string]bool{}, orgs: map[string]bool{},
		meetings: map[string]*meetingAgg{}, trips: map[string]bool{}, strikes: map[string]*strikeRow{},
		represents: map[[2]string]string{}, met: map[[2]string]*metAgg{}, traveled: map[[2]string]int{},
		stats: AdminStats{Nodes: map[string]int{}, Relationships: map[string]int{}},
	}
	for _, spec := range adminFiles {
		af := &adminFile{name: spec.name, rel: spec.rel, kind: strings.SplitN(spec.name, "-", 2)[0], header: strings.Split(spec.header, ",")}
		if err := os.WriteFile(filepath.Join(abs, spec.name+".header.csv"), []byte(spec.header+"\n"), 0o644); err != nil {
			x.closeFiles()
			return nil, fmt.Errorf("write csv header: %w", err)
		}
		f, err := os.Create(filepath.Join(abs, spec.name+".csv"))
		if err != nil {
			x.closeFiles()
			return nil, fmt.Errorf("create csv file: %w", err)
		}
		af.f, af.w = f, bufio.NewWriterSize(f, 64<<10)
		x.files[spec.name] = af
		x.order = append(x.order, af)
	}
	return x, nil
}

// Dir is the absolute path of the export folder.
func (x *AdminExport) Dir() string { return x.dir }

func (x *AdminExport) closeFiles() {
	for _, af := range x.order {
		if af.f != nil {
			af.f.Close()
		}
	}
}

// Add exports one batch of items, as Store.Write would load it: an
// article whose id was exported before is skipped (counted in
// Duplicates; the first one wins); lone surnames resolve against the
// persons of earlier batches and of this one. Use the batch size of
// `load` to get the graph `load` builds.
func (x *AdminExport) Add(items []Item) error {
	var todo []Item
	for _, it := range items {
		if x.articles[it.Article.ID] {
			x.stats.Duplicates++
			continue
		}
		x.articles[it.Article.ID] = true
		todo = append(todo, it)
	}
	if len(todo) == 0 {
		return nil
	}
	x.stats.Articles += len(todo)

	res := &personResolver{bySurname: knownPersons{}}
	for _, s := range surnames(todo) {
		for _, c := range x.known[s] {
			res.bySurname[s] = append(res.bySurname[s], candidate{key: c.key, countries: append([]string(nil), c.countries...)})
		}
	}
	res.addBatchPersons(todo)
	b := build(todo, res, x.countryName)
	x.replay(b)
	for _, af := range x.order {
		if err := af.w.Flush(); err != nil {
			return fmt.Errorf("write %s.csv: %w", af.name, err)
		}
	}
	return nil
}

// Write is Add as a batch writer, as Store.Write is one: the load
// pipeline writes to either. Articles counts the batch, New the
// articles exported (the rest repeat an earlier id).
func (x *AdminExport) Write(_ context.Context, items []Item) (LoadStats, error) {
	before := x.stats.Articles
	err := x.Add(items)
	return LoadStats{Articles: len(items), New: x.stats.Articles - before}, err
}

// replay applies the rows of one batch in the order of the loader's
// statements (writeTx).
func (x *AdminExport) replay(b *batch) {
	mentions := map[string]bool{} // article, label, key: once per batch
	mention := func(article, label, key string) {
		k := article + "\x00" + label + "\x00" + key
		if !mentions[k] {
			mentions[k] = true
			x.row("MENTIONS-Article-"+label, str(article), str(key), "MENTIONS")
		}
	}
	// REPORTS edges keep the evidence of the last row of their article.
	type report struct {
		file, article, key string
		ev                 evidenceRow
	}
	var reports []*report
	reportAt := map[string]*report{}
	reportOf := func(label, article, key string, ev evidenceRow) {
		k := article + "\x00" + label + "\x00" + key
		if r, ok := reportAt[k]; ok {
			r.ev = ev
			return
		}
		r := &report{file: "REPORTS-Article-" + label, article: article, key: key, ev: ev}
		reportAt[k] = r
		reports = append(reports, r)
	}
	countryRef := func(code string) {
		if _, ok := x.countries[code]; !ok {
			x.countries[code] = code
		}
	}

	for _, r := range b.articles {
		x.row("Article", str(r.ID), "Article", str(r.Title), str(r.URL), optStr(r.Published), str(r.Source), str(r.Path), str(r.ContentHash))
	}
	for _, r := range b.countries {
		x.countries[r.Code] = r.Name
		mention(r.Article, "Country", r.Code)
	}
	var personMents personMentions
	for _, r := range b.persons {
		p := x.persons[r.Key]
		if p == nil {
			p = &personAgg{name: r.Name, surname: r.Surname}
			x.persons[r.Key] = p
		}
		p.merge(r)
		personMents.add(r)
		if r.Country != "" {
			countryRef(r.Country)
			pair := [2]string{r.Key, r.Country}
			if cur, ok := x.represents[pair]; smallerRole(cur, ok, r.Role) {
				x.represents[pair] = r.Role
			}
		}
		if strings.Contains(r.Key, " ") {
			// as the next batch's look-up of known surnames
			// (cypherKnownSurnames) finds it
			x.known.learn(r.Key, p.surname, r.Country)
		}
	}
	for _, m := range personMents.list {
		x.row("MENTIONS-Article-Person", str(m.article), str(m.key), "MENTIONS", str(m.name), strs(m.names), strs(m.roles), strs(m.reps))
	}
	for _, r := range b.places {
		if !x.places[r.Key] {
			x.places[r.Key] = true
			x.row("Place", str(r.Key), "Place", str(r.Name))
			if r.Country != "" {
				countryRef(r.Country)
				x.row("IN-Place-Country", str(r.Key), str(r.Country), "IN")
			}
		}
		mention(r.Article, "Place", r.Key)
	}
	for _, r := range b.orgs {
		if !x.orgs[r.Key] {
			x.orgs[r.Key] = true
			x.row("Organization", str(r.Key), "Organization", str(r.Name))
		}
		mention(r.Article, "Organization", r.Key)
	}
	for _, r := range b.meetings {
		m := x.meetings[r.Key]
		if m == nil {
			m = &meetingAgg{date: r.Date, status: r.Status}
			x.meetings[r.Key] = m
			if r.Place != "" && x.places[r.Place] {
				x.row("HELD_IN-Meeting-Place", str(r.Key), str(r.Place), "HELD_IN")
			}
			for _, pk := range r.People {
				x.row("ATTENDED-Person-Meeting", str(pk), str(r.Key), "ATTENDED")
			}
			for i := range r.People {
				for j := i + 1; j < len(r.People); j++ {
					x.meet(orderedPair(r.People[i], r.People[j]), r.Date, r.Status)
				}
			}
		}
		m.cameo = r.CAMEO
		reportOf("Meeting", r.Article, r.Key, r.evidenceRow)
	}
	for _, r := range b.trips {
		if !x.trips[r.Key] {
			x.trips[r.Key] = true
			x.row("Trip", str(r.Key), "Trip")
			if r.To != "" && x.places[r.To] {
				x.row("TO-Trip-Place", str(r.Key), str(r.To), "TO")
			}
			for _, pk := range r.People {
				x.row("ON_TRIP-Person-Trip", str(pk), str(r.Key), "ON_TRIP")
			}
			for i := range r.People {
				for j := i + 1; j < len(r.People); j++ {
					x.traveled[orderedPair(r.People[i], r.People[j])]++
				}
			}
		}
		reportOf("Trip", r.Article, r.Key, r.evidenceRow)
	}
	for _, r := range b.strikes {
		if _, ok := x.strikes[r.Key]; !ok {
			if x.places[r.Target] {
				x.row("HIT-Strike-Place", str(r.Key), str(r.Target), "HIT")
			}
			switch {
			case r.AttackerKind == "country" && r.Attacker != "":
				countryRef(r.Attacker)
				x.row("LAUNCHED-Country-Strike", str(r.Attacker), str(r.Key), "LAUNCHED")
			case r.AttackerKind == "org" && r.Attacker != "" && x.orgs[r.Attacker]:
				x.row("LAUNCHED-Organization-Strike", str(r.Attacker), str(r.Key), "LAUNCHED")
			}
		}
		s := r
		s.evidenceRow = evidenceRow{}
		s.Article = ""
		x.strikes[r.Key] = &s
		reportOf("Strike", r.Article, r.Key, r.evidenceRow)
	}
	for _, r := range reports {
		x.row(r.file, str(r.article), str(r.key), "REPORTS", str(r.ev.Evidence),
			strconv.Itoa(r.ev.Start), strconv.Itoa(r.ev.End), str(r.ev.Rule), strconv.FormatFloat(r.ev.Confidence, 'g', -1, 64))
	}
}

// merge applies a person row as cypherUpsertPersons does: the longest
// name wins (the smallest on a tie); every other name seen (aliases, the
// row's name, the name before this row) is an alias; new roles join the
// roles.
func (p *personAgg) merge(r personRow) {
	oldName := p.name
	if longerName(r.Name, p.name) {
		p.name = r.Name
	}
	var aliases []string
	for _, a := range slices.Concat(p.aliases, r.Aliases, []string{r.Name, oldName}) {
		if a != p.name && !slices.Contains(aliases, a) {
			aliases = append(aliases, a)
		}
	}
	p.aliases = aliases
	if r.Role != "" {
		p.roles = appendNew(p.roles, r.Role)
	}
}

// meet counts one meeting of a pair, as cypherRecomputeMet does.
func (x *AdminExport) meet(pair [2]string, date, status string) {
	m := x.met[pair]
	if m == nil {
		m = &metAgg{}
		x.met[pair] = m
	}
	m.count++
	if status == "planned" {
		m.planned++
	}
	if date != "" {
		if m.first == "" || date < m.first {
			m.first = date
		}
		if date > m.last {
			m.last = date
		}
	}
}

// row writes one CSV line of already encoded fields to a file.
func (x *AdminExport) row(file string, fields ...string) {
	af := x.files[file]
	af.rows++
	for i, f := range fields {
		if i > 0 {
			af.w.WriteByte(',')
		}
		af.w.WriteString(f)
	}
	af.w.WriteByte('\n')
}

// str encodes a string field: always quoted, so that "" is an empty
// string and not a missing property, quotes doubled (RFC 4180); commas and
// newlines need no more than the quotes (--multiline-fields=true).
func str(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// optStr encodes a string that the loader stores as null when empty: an
// empty unquoted field, which the import leaves out.
func optStr(s string) string {
	if s == "" {
		return ""
	}
	return str(s)
}

// optInt encodes an optional integer.
func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

// strs encodes a string array. The import cannot escape the array
// delimiter, so an element holding it has the delimiter replaced by a
// comma.
func strs(list []string) string {
	parts := make([]string, len(list))
	for i, s := range list {
		parts[i] = strings.ReplaceAll(s, AdminArrayDelimiter, ",")
	}
	return str(strings.Join(parts, AdminArrayDelimiter))
}

func sortedMapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sortedPairs returns the keys of m in order.
func sortedPairs[V any](m map[[2]string]V) [][2]string {
	out := make([][2]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i][0] != out[j][0] {
			return out[i][0] < out[j][0]
		}
		return out[i][1] < out[j][1]
	})
	return out
}

// Close writes the nodes and edges whose properties accumulate over the
// whole input (persons, countries, meetings, strikes, REPRESENTS, MET,
// TRAVELED_WITH, STRUCK), closes the files, writes import.sh and returns
// what was written.
func (x *AdminExport) Close() (AdminStats, error) {
	for _, k := range sortedMapKeys(x.persons) {
		p := x.persons[k]
		// neo4j-admin stores no empty arrays: a person without aliases or
		// roles has no such property, where load stores []. Readers
		// coalesce them, and so does load when it adds to them later.
		x.row("Person", str(k), "Person", str(p.name), str(p.surname), strs(p.aliases), strs(p.roles))
	}
	for _, code := range sortedMapKeys(x.countries) {
		x.row("Country", str(code), "Country", str(x.countries[code]))
	}
	for _, k := range sortedMapKeys(x.meetings) {
		m := x.meetings[k]
		x.row("Meeting", str(k), "Meeting", optStr(m.date), str(m.status), str(m.cameo))
	}
	type struckAgg struct {
		count, killed int
		first, last   string
	}
	struck := map[[2]string]*struckAgg{}
	for _, k := range sortedMapKeys(x.strikes) {
		s := x.strikes[k]
		x.row("Strike", str(k), "Strike", optStr(s.Date), str(s.Weapon), optInt(s.Killed), optInt(s.Injured), str(s.CAMEO))
		if s.Attacker == "" || !x.places[s.Target] || (s.AttackerKind == "org" && !x.orgs[s.Attacker]) {
			continue
		}
		pair := [2]string{s.AttackerKind + ":" + s.Attacker, s.Target}
		a := struck[pair]
		if a == nil {
			a = &struckAgg{}
			struck[pair] = a
		}
		a.count++
		if s.Killed != nil {
			a.killed += *s.Killed
		}
		if s.Date != "" {
			if a.first == "" || s.Date < a.first {
				a.first = s.Date
			}
			if s.Date > a.last {
				a.last = s.Date
			}
		}
	}
	for _, pair := range sortedPairs(x.represents) {
		x.row("REPRESENTS-Person-Country", str(pair[0]), str(pair[1]), "REPRESENTS", optStr(x.represents[pair]))
	}
	for _, pair := range sortedPairs(x.met) {
		m := x.met[pair]
		x.row("MET-Person-Person", str(pair[0]), str(pair[1]), "MET", strconv.Itoa(m.count),
			strconv.Itoa(m.count-m.planned), strconv.Itoa(m.planned), optStr(m.first), optStr(m.last))
	}
	for _, pair := range sortedPairs(x.traveled) {
		x.row("TRAVELED_WITH-Person-Person", str(pair[0]), str(pair[1]), "TRAVELED_WITH", strconv.Itoa(x.traveled[pair]))
	}
	for _, pair := range sortedPairs(struck) {
		a := struck[pair]
		kind, key, _ := strings.Cut(pair[0], ":")
		file := "STRUCK-Country-Place"
		if kind == "org" {
			file = "STRUCK-Organization-Place"
		}
		x.row(file, str(key), str(pair[1]), "STRUCK", strconv.Itoa(a.count), optStr(a.first), optStr(a.last), strconv.Itoa(a.killed))
	}

	var errs []error
	for _, af := range x.order {
		if err := af.w.Flush(); err != nil {
			errs = append(errs, fmt.Errorf("write %s.csv: %w", af.name, err))
		}
		if err := af.f.Close(); err != nil {
			errs = append(errs, fmt.Errorf("close %s.csv: %w", af.name, err))
		}
		if af.rel {
			x.stats.Relationships[af.kind] += af.rows
		} else {
			x.stats.Nodes[af.kind] += af.rows
		}
	}
	if err := errors.Join(errs...); err != nil {
		return x.stats, err
	}
	if err := os.WriteFile(filepath.Join(x.dir, "import.sh"), []byte(x.script()), 0o755); err != nil {
		return x.stats, fmt.Errorf("write import.sh: %w", err)
	}
	return x.stats, nil
}

// ImportArgs are the arguments of `neo4j-admin` that import the export
// into database, with the files named by their absolute paths.
func (x *AdminExport) ImportArgs(database string) []string {
	return importArgs(x.order, func(name string) string { return filepath.Join(x.dir, name) }, database)
}

func importArgs(files []*adminFile, path func(string) string, database string) []string {
	// The database comes first: the variadic --relationships would take
	// it for one more file.
	args := []string{"database", "import", "full", database,
		"--overwrite-destination=true",
		"--array-delimiter=" + AdminArrayDelimiter,
		"--multiline-fields=true",
		// The import's report goes beside the CSV files, not into the
		// folder the command happens to run in.
		"--report-file=" + path(AdminReportFile),
	}
	for _, af := range files {
		opt := "--nodes="
		if af.rel {
			opt = "--relationships="
		}
		args = append(args, opt+path(af.name+".header.csv")+","+path(af.name+".csv"))
	}
	return args
}

// script is import.sh: the import command with paths relative to the
// script's folder, so that the folder can be moved (or mounted into a
// container) before it runs.
func (x *AdminExport) script() string {
	var b strings.Builder
	b.WriteString(`#!/bin/sh
# Written by ` + "`newsgraph export --format neo4j-admin`" + `: imports this folder into an
# empty Neo4j 5 database with neo4j-admin (the server must be stopped; the
# database named by $1, default neo4j, is REPLACED).
#
#   NEO4J_ADMIN=/path/to/neo4j/bin/neo4j-admin sh import.sh [DATABASE]
#
# Then start Neo4j and run ` + "`newsgraph schema`" + ` to create the constraints and
# indexes that ` + "`newsgraph load`" + ` adds to this graph later.
set -eu
set -f
DIR=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
NEO4J_ADMIN=${NEO4J_ADMIN:-neo4j-admin}
DATABASE=${1:-neo4j}
$NEO4J_ADMIN \
`)
	args := importArgs(x.order, func(name string) string { return `"$DIR/` + name + `"` }, `"$DATABASE"`)
	args = append([]string{strings.Join(args[:4], " ")}, args[4:]...)
	for i, a := range args {
		if strings.HasPrefix(a, "--array-delimiter=") {
			a = "--array-delimiter='" + AdminArrayDelimiter + "'"
		}
		b.WriteString("  " + a)
		if i < len(args)-1 {
			b.WriteString(" \\")
		}
		b.WriteString("\n")
	}
	return b.String()
}
