// Package cli is the newsgraph command line: the cobra command tree, the
// viper configuration (flag > environment > file > default) and the one
// place where errors become exit codes. Main is what main.go calls;
// nothing here is package-level state. Each command is an options struct
// and a run function taking it (runLoad(ctx, *loadOptions)), which the
// tests call directly; a run function reaches Neo4j only through the small
// interface it declares (batchWriter, queryStore, ...), which *graph.Store
// implements and the tests fake.
package cli
