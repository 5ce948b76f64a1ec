package awsfeed_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
	"github.com/tollgate-dev/tollgate/pricing/catalog/awsfeed"
	"github.com/tollgate-dev/tollgate/pricing/catalog/awsfeed/awsfeedtest"
)

const (
	meta = `"FormatVersion","v1.0"
"Disclaimer","This pricing list is for informational purposes only."
"Publication Date","2025-06-01T00:00:00Z"
"Version","20250601000000"
"OfferCode","AWSELB"
`
	elbHeader = `"SKU","TermType","StartingRange","Unit","PricePerUnit","Currency","Product Family","Location","Location Type","usageType","Region Code"` + "\n"
	albRow    = `"A1","OnDemand","0","Hrs","0.0225000000","USD","Load Balancer-Application","US East (N. Virginia)","AWS Region","LoadBalancerUsage","us-east-1"` + "\n"
)

// elbList serves one AWSELB file for us-east-1 with the given content.
func elbList(content string) awsfeedtest.PriceList {
	return awsfeedtest.PriceList{"AWSELB/us-east-1": func(w io.Writer) error { _, err := io.WriteString(w, content); return err }}
}

var elbOnly = awsfeed.Options{Services: []string{"AWSELB"}}

func TestImportMalformed(t *testing.T) {
	const file = "/offers/v1.0/aws/AWSELB/" + awsfeedtest.Version + "/us-east-1/index.csv"
	tests := []struct {
		name, content string
		want          string // in the error, after the file's URL
	}{
		{"a row with too few fields", meta + elbHeader + albRow + `"A2","OnDemand","0"` + "\n", file + ":8: 3 fields, but the header has 11"},
		{"a missing required column", meta + `"SKU","TermType","Unit","PricePerUnit"` + "\n" + `"A","OnDemand","Hrs","1"` + "\n", file + `:6: header has no "Currency" column`},
		{"no header", meta + strings.Repeat(`"Note","x"`+"\n", 10), file + ": no header row"},
		{"not a CSV offer file", "<html><body>Service Unavailable</body></html>\n", file + `:1: metadata line has 1 fields`},
		{"an unclosed quote", meta + elbHeader + `"A1","OnDemand","0","Hrs","0.02` + "\n", file + `:7: extraneous or missing " in quoted-field`},
		{"no publication date", `"FormatVersion","v1.0"` + "\n" + elbHeader + albRow, file + ": metadata has no Publication Date"},
		{"a kept row's price is not a number", meta + elbHeader + strings.Replace(albRow, "0.0225000000", "about 2 cents", 1), file + `:7: PricePerUnit "about 2 cents" is not a price`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(elbList(tt.content).Handler())
			defer srv.Close()
			_, err := importFrom(t, srv.URL, elbOnly)
			if err == nil {
				t.Fatal("import succeeded")
			}
			if want := srv.URL + tt.want; !strings.Contains(err.Error(), want) {
				t.Errorf("err = %v\nwant it to contain %s", err, want)
			}
		})
	}
}

func TestImportHTTPErrors(t *testing.T) {
	list := elbList(meta + elbHeader + albRow)
	tests := []struct {
		name   string
		path   string // the path that fails
		status int
	}{
		{"offer index", "/offers/v1.0/aws/index.json", http.StatusServiceUnavailable},
		{"region index", "/offers/v1.0/aws/AWSELB/current/region_index.json", http.StatusForbidden},
		{"offer file", "/offers/v1.0/aws/AWSELB/" + awsfeedtest.Version + "/us-east-1/index.csv", http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := list.Handler()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == tt.path {
					http.Error(w, "no", tt.status)
					return
				}
				h.ServeHTTP(w, r)
			}))
			defer srv.Close()
			_, err := importFrom(t, srv.URL, elbOnly)
			want := "GET " + srv.URL + tt.path + ": " + strconv.Itoa(tt.status)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("err = %v, want one containing %q", err, want)
			}
		})
	}
	t.Run("bad JSON in an index", func(t *testing.T) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, `{"offers": [`)
		}))
		defer srv.Close()
		_, err := importFrom(t, srv.URL, elbOnly)
		if err == nil || !strings.Contains(err.Error(), "read "+srv.URL+"/offers/v1.0/aws/index.json") {
			t.Errorf("err = %v, want one naming the offer index", err)
		}
	})
}

// TestImportDroppedConnection cuts an offer file half-way, with and
// without a Content-Length: the import must fail, never keep the rows
// read so far.
func TestImportDroppedConnection(t *testing.T) {
	body := meta + elbHeader + strings.Repeat(albRow, 2000)
	for _, length := range []bool{true, false} {
		t.Run("content-length "+strconv.FormatBool(length), func(t *testing.T) {
			h := elbList(body).Handler()
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if !strings.HasSuffix(r.URL.Path, ".csv") {
					h.ServeHTTP(w, r)
					return
				}
				if length {
					w.Header().Set("Content-Length", strconv.Itoa(len(body)))
				}
				w.WriteHeader(http.StatusOK)
				io.WriteString(w, body[:len(body)/2])
				w.(http.Flusher).Flush()
				conn, _, err := w.(http.Hijacker).Hijack()
				if err != nil {
					t.Error(err)
					return
				}
				conn.Close()
			}))
			defer srv.Close()
			_, err := importFrom(t, srv.URL, elbOnly)
			if !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Fatalf("err = %v, want unexpected EOF", err)
			}
			if !strings.Contains(err.Error(), srv.URL+"/offers/v1.0/aws/AWSELB/") {
				t.Errorf("err = %v does not name the file", err)
			}
		})
	}
}

// TestImportCancel cancels the context while a file is streaming.
func TestImportCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stall := make(chan struct{})
	list := awsfeedtest.PriceList{"AWSELB/us-east-1": func(w io.Writer) error {
		io.WriteString(w, meta+elbHeader+strings.Repeat(albRow, 1000))
		w.(http.Flusher).Flush()
		cancel()
		<-stall
		return nil
	}}
	srv := httptest.NewServer(list.Handler())
	defer srv.Close()
	defer close(stall)
	b := catalog.NewBuilder()
	err := awsfeed.New(awsfeed.Options{BaseURL: srv.URL, Services: []string{"AWSELB"}}).Import(ctx, b, catalog.NoProgress{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if b.Len() != 0 {
		t.Errorf("cancelled import left %d rows", b.Len())
	}
}

// TestImportNotes covers what the import leaves out and says so: rows of
// one rank that disagree, and rows in a unit the mapping does not know.
func TestImportNotes(t *testing.T) {
	nlb := `"N1","OnDemand","0","LCU-Hrs","0.0060000000","USD","Load Balancer-Network","US East (N. Virginia)","AWS Region","LCUUsage","us-east-1"` + "\n"
	nlbOther := `"N2","OnDemand","0","LCU-Hrs","0.0080000000","USD","Load Balancer-Network","US East (N. Virginia)","AWS Region","LCUUsage","us-east-1"` + "\n"
	classic := `"C1","OnDemand","0","Mins","0.0004000000","USD","Load Balancer","US East (N. Virginia)","AWS Region","LoadBalancerUsage","us-east-1"` + "\n"
	unknownPlace := `"X1","OnDemand","0","Hrs","0.0300000000","USD","Load Balancer-Gateway","Atlantis","AWS Region","LoadBalancerUsage",""` + "\n"
	res, err := importList(t, elbList(meta+elbHeader+albRow+nlb+nlbOther+classic+unknownPlace), elbOnly)
	if err != nil {
		t.Fatal(err)
	}
	const file = "SERVER/offers/v1.0/aws/AWSELB/" + awsfeedtest.Version + "/us-east-1/index.csv"
	want := []string{
		`aws-elb classic: rows in unit "Mins" (the mapping converts from Hrs, Hours, Hour), e.g. ` + file + `:10 (1 rows)`,
		`aws-elb gateway: rows at location "Atlantis", which has no region code (1 rows)`,
		`aws-elb us-east-1 network/lcu: left out: 0.006 (` + file + `:8) and 0.008 (` + file + `:9) disagree`,
	}
	if diff := cmp.Diff(want, res.notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	if _, ok := res.cat.Price("aws-elb", "us-east-1", "network/lcu"); ok {
		t.Error("a price the list gives twice was kept")
	}
	if p, ok := res.cat.Price("aws-elb", "us-east-1", "application"); !ok || p.Amount.String() != "0.0225" {
		t.Errorf("application = %v %v, want 0.0225", p.Amount, ok)
	}
}
