package gitlab

import (
	"errors"
	"strings"
	"testing"

	gl "gitlab.com/gitlab-org/api/client-go"
)

func TestGitLabMessage(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"message", &gl.ErrorResponse{Body: []byte(`{"message":"403 Forbidden"}`)}, "403 Forbidden"},
		{"oauth error", &gl.ErrorResponse{Body: []byte(`{"error":"insufficient_scope","error_description":"Needs api.","scope":"api"}`)}, "insufficient_scope: Needs api."},
		{"validation", &gl.ErrorResponse{Body: []byte(`{"message":{"note":["is too long (maximum is 1000000 characters)"]}}`)}, `{"note":["is too long (maximum is 1000000 characters)"]}`},
		{"error string", &gl.ErrorResponse{Body: []byte(`{"error":"body is missing"}`)}, "body is missing"},
		{"proxy page", &gl.ErrorResponse{Body: []byte("<html>\n<body>502 Bad Gateway</body></html>")}, ""},
		{"plain text, several lines", &gl.ErrorResponse{Body: []byte("upstream\n  timed out\n")}, "upstream timed out"},
		{"long", &gl.ErrorResponse{Body: []byte(`{"message":"` + strings.Repeat("x", 500) + `"}`)}, strings.Repeat("x", maxMessage) + "…"},
		{"not a GitLab answer", errors.New("boom"), ""},
		{"wrapped", errors.Join(errors.New("context"), &gl.ErrorResponse{Body: []byte(`{"message":"m"}`)}), "m"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := gitlabMessage(tc.err); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestErrorIs(t *testing.T) {
	for _, tc := range []struct {
		status int
		is     error
	}{
		{401, ErrUnauthorized},
		{403, ErrForbidden},
		{404, ErrNotFound},
	} {
		e := &Error{Op: "op", Status: tc.status}
		for _, target := range []error{ErrUnauthorized, ErrForbidden, ErrNotFound} {
			if got := errors.Is(e, target); got != (target == tc.is) {
				t.Errorf("status %d is %v: %t", tc.status, target, got)
			}
		}
	}
	if errors.Is(&Error{Status: 500}, ErrNotFound) {
		t.Error("500 is not found")
	}
}

func TestStripMarker(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"marker line", "<!-- tollgate:comment key=default commit=abc time=2027-01-31T10:00:00Z -->\nbody", "body"},
		{"no marker", "body\nmore", "body\nmore"},
		{"marker later", "intro\n<!-- tollgate:comment key=default commit=abc time=2027-01-31T10:00:00Z -->", "intro\n<!-- tollgate:comment key=default commit=abc time=2027-01-31T10:00:00Z -->"},
		{"marker only", "<!-- tollgate:comment key=default commit=abc time=2027-01-31T10:00:00Z -->", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := stripMarker(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
