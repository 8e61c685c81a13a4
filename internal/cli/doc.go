// Package cli is the newsgraph command line: the cobra command tree, the
// viper configuration (flag > environment > file > default) and the one
// place where errors become exit codes. Main is what main.go and the tests
// call; nothing here is package-level state.
package cli
