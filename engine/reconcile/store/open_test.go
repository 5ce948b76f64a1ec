package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate-dev/tollgate/engine/reconcile/store"
)

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notDB, []byte(strings.Repeat("not a database\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dsn  string
		want []string // substrings of the error
		hide string   // must not appear in it
	}{
		{"no dsn", "", []string{"no store given"}, ""},
		{"missing directory", filepath.Join(dir, "nope", "tollgate.db"), []string{"directory", "does not exist", "create it"}, ""},
		{"not a database", notDB, []string{notDB, "SQLite database"}, ""},
		{"question mark", filepath.Join(dir, "a?b.db"), []string{"may not contain"}, ""},
		// Port 1 on loopback refuses at once.
		{"unreachable postgres", "postgres://alice:s3cret@127.0.0.1:1/tollgate?connect_timeout=5", []string{"postgres://alice:***@127.0.0.1:1/tollgate", "check the URL"}, "s3cret"},
		{"password parameter", "postgresql://127.0.0.1:1/tollgate?password=s3cret&connect_timeout=5", []string{"password=***"}, "s3cret"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := store.Open(context.Background(), tt.dsn)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
			if tt.hide != "" && strings.Contains(msg, tt.hide) {
				t.Errorf("error %q shows %q", msg, tt.hide)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("error %q is not one line", msg)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ name, dsn, want string }{
		{"path", "/var/lib/tollgate.db", "/var/lib/tollgate.db"},
		{"no password", "postgres://alice@db:5432/tollgate", "postgres://alice@db:5432/tollgate"},
		{"password", "postgres://alice:s3cret@db/tollgate?sslmode=require", "postgres://alice:***@db/tollgate?sslmode=require"},
		{"escaped password", "postgresql://alice:p%40ss%2Fw@db/tollgate", "postgresql://alice:***@db/tollgate"},
		{"password parameter", "postgres://db/tollgate?password=s3cret&sslmode=disable", "postgres://db/tollgate?password=***&sslmode=disable"},
		{"upper-case scheme", "POSTGRES://alice:s3cret@db/x", "postgres://alice:***@db/x"},
		{"unparsable", "postgres://alice:s3cret@db:port/x", "postgres://***"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := store.Redact(tt.dsn); got != tt.want {
				t.Errorf("Redact(%q) = %q, want %q", tt.dsn, got, tt.want)
			}
		})
	}
}
