package graph_test

import (
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestEscapeLucene(t *testing.T) {
	cases := []struct{ in, want string }{
		{"rubio", "rubio"},
		{`a+b-c`, `a\+b\-c`},
		{`(x):"y"~*?`, `\(x\)\:\"y\"\~\*\?`},
		{`a\b/c`, `a\\b\/c`},
		{`&&||!{}[]^`, `\&\&\|\|\!\{\}\[\]\^`},
		{"AND", "and"},
		{"OR", "or"},
		{"NOT", "not"},
		{"Andrew", "Andrew"},
	}
	for _, tc := range cases {
		if got := graph.EscapeLucene(tc.in); got != tc.want {
			t.Errorf("EscapeLucene(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseParamLines(t *testing.T) {
	text := "// comment\n:param name => 'Marco Rubio';\n:param limit => 20;\n:param since => null\n" +
		":param tags => ['a', \"b\", 3, 1.5, true];\n:param `odd name` => 'it\\'s';\nMATCH (n) RETURN n"
	rest, params, err := graph.ParseParamLines(text)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"name": "Marco Rubio", "limit": int64(20), "since": nil,
		"tags": []any{"a", "b", int64(3), 1.5, true}, "odd name": "it's"}
	if !reflect.DeepEqual(params, want) {
		t.Errorf("params %#v, want %#v", params, want)
	}
	if rest != "// comment\n\n\n\n\n\nMATCH (n) RETURN n" {
		t.Errorf("rest %q: want the :param lines blanked, other lines kept", rest)
	}
	for _, bad := range []string{":param x", ":param x => 'open", ":param x => [1, 2", ":param x => nonsense"} {
		if _, _, err := graph.ParseParamLines(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
