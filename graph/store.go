package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	neo4jconfig "github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// ErrUnavailable is matched (errors.Is) by every error that means the
// server cannot be used: nothing listening, wrong credentials, timeout.
var ErrUnavailable = errors.New("neo4j unavailable")

// ConnError says why the server at URI cannot be used.
type ConnError struct {
	URI string
	// Auth is true when the server answered but refused the credentials.
	Auth bool
	Err  error
}

func (e *ConnError) Error() string {
	if e.Auth {
		return fmt.Sprintf("neo4j at %s refused the credentials: %v (check NEO4J_USERNAME and NEO4J_PASSWORD)", e.URI, e.Err)
	}
	return fmt.Sprintf("cannot reach neo4j at %s: %v (is it running? start it with `make neo4j-up`)", e.URI, e.Err)
}

func (e *ConnError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrUnavailable) true for every ConnError.
func (e *ConnError) Is(target error) bool { return target == ErrUnavailable }

// Options says how to connect.
type Options struct {
	URI      string
	Username string
	Password string
	Database string
	// ConnectTimeout bounds connecting and authenticating (default 8 s).
	ConnectTimeout time.Duration
	// CountryName names the countries that Write adds (nil: the code).
	CountryName CountryNamer
	// Log, when set, receives the driver's errors, warnings and
	// transaction retries.
	Log *slog.Logger
}

// Store is a connection to one Neo4j database.
type Store struct {
	driver      neo4j.DriverWithContext
	db          string
	uri         string
	countryName CountryNamer
}

// Open connects to Neo4j and checks that the credentials are accepted.
func Open(ctx context.Context, o Options) (*Store, error) {
	timeout := o.ConnectTimeout
	if timeout <= 0 {
		timeout = 8 * time.Second
	}
	driver, err := neo4j.NewDriverWithContext(o.URI, neo4j.BasicAuth(o.Username, o.Password, ""),
		func(c *neo4jconfig.Config) {
			c.SocketConnectTimeout = timeout
			c.ConnectionAcquisitionTimeout = timeout
			c.MaxTransactionRetryTime = 30 * time.Second
			c.UserAgent = "newsgraph"
			if o.Log != nil {
				c.Log = driverLog{o.Log}
			}
		})
	if err != nil {
		return nil, &ConnError{URI: o.URI, Err: err}
	}
	vctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := driver.VerifyAuthentication(vctx, nil); err != nil {
		_ = driver.Close(context.WithoutCancel(ctx))
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, connError(o.URI, err)
	}
	return &Store{driver: driver, db: o.Database, uri: o.URI, countryName: o.CountryName}, nil
}

func connError(uri string, err error) *ConnError {
	ce := &ConnError{URI: uri, Err: err}
	var authErr *neo4j.InvalidAuthenticationError
	var ne *neo4j.Neo4jError
	switch {
	case errors.As(err, &authErr):
		ce.Auth = true
		// keep the server's code (Neo.ClientError.Security.Unauthorized)
		ce.Err = fmt.Errorf("authentication failed: %w", authErr)
	case errors.As(err, &ne) && strings.HasPrefix(ne.Code, "Neo.ClientError.Security."):
		ce.Auth = true
		ce.Err = errors.New(ne.Msg)
	default:
		var oe *net.OpError
		if errors.As(err, &oe) {
			ce.Err = oe
		} else if errors.Is(err, context.DeadlineExceeded) {
			ce.Err = errors.New("no answer before the connect timeout")
		}
	}
	return ce
}

// URI is the address the store is connected to.
func (s *Store) URI() string { return s.uri }

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// query runs one auto-retried query and returns its records.
func (s *Store) query(ctx context.Context, cypher string, params map[string]any, write bool) (*neo4j.EagerResult, error) {
	routing := neo4j.ExecuteQueryWithReadersRouting()
	if write {
		routing = neo4j.ExecuteQueryWithWritersRouting()
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), routing)
	if err != nil {
		return nil, s.wrap(err)
	}
	return res, nil
}

// wrap turns connectivity failures into a ConnError; other errors stay as
// they are. When the driver gives up retrying (TransactionExecutionLimit),
// the last attempt's error says why.
func (s *Store) wrap(err error) error {
	var tel *neo4j.TransactionExecutionLimit
	if errors.As(err, &tel) && len(tel.Errors) > 0 {
		if w := s.wrap(tel.Errors[len(tel.Errors)-1]); errors.Is(w, ErrUnavailable) {
			return &ConnError{URI: s.uri, Err: fmt.Errorf("lost the connection and gave up after retrying: %w", tel.Errors[len(tel.Errors)-1])}
		}
		return err
	}
	var ce *neo4j.ConnectivityError
	if errors.As(err, &ce) {
		return &ConnError{URI: s.uri, Err: err}
	}
	var authErr *neo4j.InvalidAuthenticationError
	if errors.As(err, &authErr) {
		return &ConnError{URI: s.uri, Auth: true, Err: err}
	}
	return err
}
