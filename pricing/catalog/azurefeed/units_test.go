package azurefeed

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestConvert(t *testing.T) {
	tests := []struct {
		price, uom, want string
		out              string // "" when the unit does not convert
	}{
		{"0.096", "1 Hour", "hours", "0.096"},
		{"9.6", "100 Hours", "hours", "0.096"},
		{"0.045", "1/Hour", "hours", "0.045"},
		{"19.71", "1/Month", "months", "19.71"},
		{"0.0208", "1 GB/Month", "GB-months", "0.0208"},
		{"2.08", "100 GB/Month", "GB-months", "0.0208"},
		{"0.016", "1 GB", "GB", "0.016"},
		{"0.05", "10K", "10k requests", "0.05"},
		{"0.05", "1 10K", "10k requests", "0.05"},
		{"0.4839", "1/Day", "hours", "0.0201625"},
		{"1", "1/Day", "hours", "0.041666666667"},
		{"0.096", "1 Hour", "months", ""},
		{"0.1", "1 GiB/Hour", "GB-months", ""},
		{"0.1", "0 Hours", "hours", ""},
		{"0.1", "", "hours", ""},
	}
	for _, tc := range tests {
		t.Run(tc.uom+" as "+tc.want, func(t *testing.T) {
			got, ok := convert(decimal.RequireFromString(tc.price), tc.uom, tc.want)
			switch {
			case tc.out == "" && ok:
				t.Errorf("convert %s per %q to %s = %s, want no conversion", tc.price, tc.uom, tc.want, got)
			case tc.out != "" && (!ok || got.String() != tc.out):
				t.Errorf("convert %s per %q to %s = %s, %v; want %s", tc.price, tc.uom, tc.want, got, ok, tc.out)
			}
		})
	}
}

func TestFamily(t *testing.T) {
	for in, want := range map[string]string{"Gen5": "gen5", "FSv2 Series": "fsv2", "DC-Series": "dc", "M Series": "m"} {
		if got := family(in); got != want {
			t.Errorf("family(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzDecodePage feeds arbitrary bytes to the streaming page decoder: it
// must never panic, and a page it accepts must decode the same with
// encoding/json reading the whole document.
func FuzzDecodePage(f *testing.F) {
	for _, seed := range []string{
		`{"BillingCurrency": "USD", "Items": [], "NextPageLink": null, "Count": 0}`,
		`{"Items": [{"retailPrice": 0.1, "tierMinimumUnits": 0, "armRegionName": "eastus"}], "NextPageLink": "http://x/?$skip=100", "Count": 1}`,
		`{"Items": [{"retailPrice": "x"}]}`,
		`{"Items": [1, 2]}`,
		`{"Items": {}, "Count": "1"}`,
		`[]`,
		`{"_note": {"a": [1, {"b": null}]}, "Items": []}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		n := 0
		p, err := decodePage(strings.NewReader(body), func(item) error { n++; return nil })
		if err != nil {
			return
		}
		next := p.next
		var whole struct {
			Items        []item
			NextPageLink *string
		}
		if err := json.Unmarshal([]byte(body), &whole); err != nil {
			t.Fatalf("accepted %q, which encoding/json rejects: %v", body, err)
		}
		wantNext := ""
		if whole.NextPageLink != nil {
			wantNext = *whole.NextPageLink
		}
		if len(whole.Items) != n || n != p.items || next != wantNext {
			t.Errorf("%q: %d items, next %q; encoding/json: %d items, next %q", body, n, next, len(whole.Items), wantNext)
		}
	})
}
