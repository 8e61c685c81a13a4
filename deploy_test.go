package newsgraph_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
)

// loadCompose loads docker-compose.yml as `docker compose` would, with the
// compose-spec library (there is no Docker engine on the build machines):
// schema validation, interpolation with env, profiles.
func loadCompose(t *testing.T, env map[string]string, profiles ...string) *types.Project {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	content, err := os.ReadFile(filepath.Join(dir, "docker-compose.yml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := loader.LoadWithContext(t.Context(), types.ConfigDetails{
		WorkingDir:  dir,
		ConfigFiles: []types.ConfigFile{{Filename: filepath.Join(dir, "docker-compose.yml"), Content: content}},
		Environment: env,
	}, func(o *loader.Options) {
		o.SetProjectName("newsgraph", true)
		o.Profiles = profiles
		o.ResolvePaths = true
	})
	if err != nil {
		t.Fatalf("docker-compose.yml does not load: %v", err)
	}
	return p
}

func TestComposeFileIsValid(t *testing.T) {
	t.Run("default: Neo4j alone", func(t *testing.T) {
		p := loadCompose(t, map[string]string{})
		if got := p.ServiceNames(); !slices.Equal(got, []string{"neo4j"}) {
			t.Errorf("services without a profile: %v, want only neo4j (`docker compose up -d` and scripts/neo4j start Neo4j alone)", got)
		}
		neo, err := p.GetService("neo4j")
		if err != nil {
			t.Fatal(err)
		}
		if neo.HealthCheck == nil || len(neo.HealthCheck.Test) == 0 {
			t.Error("neo4j has no healthcheck: the newsgraph service waits for it")
		}
		if neo.Environment["NEO4J_AUTH"] == nil || *neo.Environment["NEO4J_AUTH"] != "neo4j/newsgraph-dev" {
			t.Errorf("NEO4J_AUTH = %v", neo.Environment["NEO4J_AUTH"])
		}
	})

	t.Run("profile watch: newsgraph watch against neo4j", func(t *testing.T) {
		p := loadCompose(t, map[string]string{
			"NEO4J_PASSWORD":        "s3cret-pass",
			"NEWSGRAPH_WATCH_FEEDS": "https://example.org/rss.xml https://example.org/atom.xml",
		}, "watch")
		s, err := p.GetService("newsgraph")
		if err != nil {
			t.Fatalf("no newsgraph service in profile watch: %v", err)
		}
		if s.Build == nil || s.Build.Dockerfile != "Dockerfile" {
			t.Fatalf("build %+v, want the repository's Dockerfile", s.Build)
		}
		if _, err := os.Stat(filepath.Join(s.Build.Context, s.Build.Dockerfile)); err != nil {
			t.Errorf("build context %s has no %s: %v", s.Build.Context, s.Build.Dockerfile, err)
		}
		if len(s.Command) == 0 || s.Command[0] != "watch" {
			t.Errorf("command %q, want watch", s.Command)
		}
		if d, ok := s.DependsOn["neo4j"]; !ok || d.Condition != types.ServiceConditionHealthy {
			t.Errorf("depends_on %+v, want neo4j healthy", s.DependsOn)
		}
		env := func(k string) string {
			if v := s.Environment[k]; v != nil {
				return *v
			}
			return ""
		}
		for k, want := range map[string]string{
			"NEO4J_URI":             "bolt://neo4j:7687",
			"NEO4J_PASSWORD":        "s3cret-pass",
			"NEWSGRAPH_WATCH_FEEDS": "https://example.org/rss.xml https://example.org/atom.xml",
			"NEWSGRAPH_LOG_FORMAT":  "json",
		} {
			if got := env(k); got != want {
				t.Errorf("environment %s = %q, want %q", k, got, want)
			}
		}
		mounted := false
		for _, v := range s.Volumes {
			if v.Target == "/config" && v.ReadOnly {
				mounted = true
				if fi, err := os.Stat(v.Source); err != nil || !fi.IsDir() {
					t.Errorf("config folder %s: %v", v.Source, err)
				}
			}
		}
		if !mounted {
			t.Errorf("volumes %+v: want a read-only config folder at /config", s.Volumes)
		}
	})
}

// TestDockerfile checks what the image must be, since it cannot be built
// here: multi-stage, a static binary, a non-root user, watch by default.
func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	d := string(b)
	from := regexp.MustCompile(`(?m)^FROM `).FindAllStringIndex(d, -1)
	if len(from) < 2 {
		t.Errorf("%d FROM lines, want a multi-stage build", len(from))
	}
	if !regexp.MustCompile(`(?m)^RUN CGO_ENABLED=0 .*go build`).MatchString(d) {
		t.Error("the binary is not built with CGO_ENABLED=0 (static)")
	}
	user := regexp.MustCompile(`(?m)^USER\s+(\S+)`).FindAllStringSubmatch(d, -1)
	if len(user) == 0 {
		t.Fatal("no USER: the image would run as root")
	}
	if u := user[len(user)-1][1]; strings.HasPrefix(u, "root") || strings.HasPrefix(u, "0:") || u == "0" {
		t.Errorf("USER %s: want a non-root user", u)
	}
	if !strings.Contains(d, `CMD ["watch"]`) || !strings.Contains(d, `ENTRYPOINT ["/usr/local/bin/newsgraph"]`) {
		t.Error("the image does not run `newsgraph watch` by default")
	}
	if _, err := os.Stat("docs/systemd/newsgraph-watch.service"); err != nil {
		t.Errorf("systemd unit example: %v", err)
	}
}
