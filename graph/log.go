package graph

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	neo4jlog "github.com/neo4j/neo4j-go-driver/v5/neo4j/log"
)

// driverLog passes what the driver says that an operator needs to a
// slog.Logger: the transactions it retries at level warn, its errors and
// warnings (connections lost, servers unreachable) at level debug, since
// the error the caller gets says the same. The rest of its debug and info
// output (every Bolt message) is dropped.
type driverLog struct{ log *slog.Logger }

var _ neo4jlog.Logger = driverLog{}

func (d driverLog) Error(name, id string, err error) {
	d.log.Debug("neo4j driver error", "component", name, "id", id, "error", err.Error())
}

func (d driverLog) Warnf(name, id string, msg string, args ...any) {
	d.log.Debug("neo4j driver warning", "component", name, "id", id, "message", fmt.Sprintf(msg, args...))
}

func (d driverLog) Infof(string, string, string, ...any) {}

// Debugf keeps the driver's retries (its retry state logs them at debug
// level: "Retrying transaction (cause): error").
func (d driverLog) Debugf(name, id string, msg string, args ...any) {
	if !strings.HasPrefix(msg, "Retrying transaction") || !d.log.Enabled(context.Background(), slog.LevelWarn) {
		return
	}
	d.log.Warn("neo4j: retrying the transaction", "component", name, "detail", fmt.Sprintf(msg, args...))
}
