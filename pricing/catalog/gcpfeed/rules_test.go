package gcpfeed

import (
	"encoding/json"
	"testing"
)

func TestParseRate(t *testing.T) {
	tests := []struct {
		desc string
		want rate
		ok   bool
	}{
		{"n1 predefined instance core", rate{"n1", "vcpu", ""}, true},
		{"n2 instance ram", rate{"n2", "ram", ""}, true},
		{"n2d amd instance core", rate{"n2d", "vcpu", ""}, true},
		{"c4a arm instance ram", rate{"c4a", "ram", ""}, true},
		{"compute optimized core", rate{"c2", "vcpu", ""}, true},
		{"compute optimized instance ram", rate{"c2", "ram", ""}, true},
		{"memory-optimized instance core", rate{"m1", "vcpu", ""}, true},
		{"m3 memory-optimized instance ram", rate{"m3", "ram", ""}, true},
		{"spot preemptible e2 instance core", rate{"e2", "vcpu", ""}, true},
		{"custom instance core", rate{"n1", "vcpu", "custom"}, true},
		{"custom extended instance ram", rate{"n1", "ram-extended", "custom"}, true},
		{"n2d amd custom extended instance ram", rate{"n2d", "ram-extended", "custom"}, true},
		{"e2 custom instance core", rate{"e2", "vcpu", "custom"}, true},
		{"n2 sole tenancy instance core", rate{}, false},
		{"sole tenancy instance ram", rate{}, false},
		{"memory optimized upgrade premium for memory-optimized instance core", rate{}, false},
		{"nvidia tesla t4 gpu", rate{}, false},
		{"n2 extended instance ram", rate{}, false},
		{"instance core", rate{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			got, ok := parseRate(tt.desc)
			if ok != tt.ok || got != tt.want {
				t.Errorf("parseRate = %+v, %v; want %+v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestWithoutLocation(t *testing.T) {
	for in, want := range map[string]string{
		"N2 Instance Core running in Americas":       "N2 Instance Core",
		"Storage PD Capacity in Belgium":             "Storage PD Capacity",
		"Storage PD Capacity":                        "Storage PD Capacity",
		"Cloud SQL for MySQL: Zonal - vCPU in Tokyo": "Cloud SQL for MySQL: Zonal - vCPU",
	} {
		if got := withoutLocation(in); got != want {
			t.Errorf("withoutLocation(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		json, want string
		err        bool
	}{
		{`{"units": "0", "nanos": 31611000}`, "0.031611", false},
		{`{"units": "1", "nanos": 500000000}`, "1.5", false},
		{`{"units": 2}`, "2", false},
		{`{"nanos": 1}`, "0.000000001", false},
		{`{"units": "1.5"}`, "", true},
		{`{"nanos": 1000000000}`, "", true},
	}
	for _, tt := range tests {
		var m money
		if err := json.Unmarshal([]byte(tt.json), &m); err != nil {
			t.Fatalf("%s: %v", tt.json, err)
		}
		d, err := m.decimal()
		if (err != nil) != tt.err || (err == nil && d.String() != tt.want) {
			t.Errorf("%s = %s, %v; want %s (error %v)", tt.json, d, err, tt.want, tt.err)
		}
	}
}
