// Package graph stores newsgraph's facts in Neo4j and reads them back. It is
// the only package that imports the Neo4j driver; every Cypher statement is
// a named constant next to the code that runs it and takes its data as
// parameters, never as text spliced into the query.
//
// A Store holds one driver for the whole process. Open verifies that the
// server answers and accepts the credentials, and fails with a
// *ConnError (errors.Is(err, ErrUnavailable)) when it does not, so that
// the CLI can map it to its "Neo4j unreachable" exit code.
package graph
