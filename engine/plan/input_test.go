package plan

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/unicode"
)

func TestBadInput(t *testing.T) {
	tests := []struct {
		name      string
		input     string
		want      string // substring of the message
		line, col int    // 0: no position expected
	}{
		{"empty", "", "the file is empty", 0, 0},
		{"blank", " \n\t\r\n", "the file is empty", 0, 0},
		{"not JSON", "hello world", "not valid JSON (invalid character 'h' looking for beginning of value)", 1, 1},
		{"HCL", "resource \"aws_instance\" \"x\" {}", "not valid JSON (invalid character 'r'", 1, 1},
		{"bad token on line 3", "{\n  \"format_version\": \"1.2\",\n  \"x\": tru }", "in literal true", 3, 11},
		{"truncated", "{\n  \"format_version\": \"1.2\",\n  \"resource_changes\": [{\"address\": \"aws_instance.x\"", "the file looks truncated", 3, 52},
		{"truncated string", `{"format_version": "1.`, "the file looks truncated", 1, 23},
		{"trailing data", "{\"format_version\": \"1.2\"}\n}", "unexpected data after the end of the JSON document", 2, 1},
		{"two documents", "{\"format_version\": \"1.2\", \"planned_values\": {}}\n{\"format_version\": \"1.2\"}", "exactly one JSON object", 2, 1},
		{"array", "[1, 2]", "expected a JSON object, found an array", 1, 1},
		{"string", `"plan"`, "expected a JSON object, found a string", 1, 1},
		{"number", "  42", "expected a JSON object, found a number", 1, 3},
		{"null", "null", "expected a JSON object, found null", 1, 1},
		{"binary plan", "PK\x03\x04\x14\x00\x08\x00binary", "binary plan file (from `terraform plan -out`), not JSON: run `terraform show -json plan.json > plan-show.json` and pass plan-show.json", 0, 0},
		{"NUL bytes", "\x00\x00\x00\x00", "not valid JSON", 1, 1},
		{"state via show", `{"format_version": "1.0", "terraform_version": "1.5.0", "values": {"root_module": {}}}`, "this file is a Terraform state, not a plan: run `terraform show -json PLANFILE", 0, 0},
		{"raw state", `{"version": 4, "terraform_version": "1.5.0", "serial": 3, "lineage": "x", "outputs": {}, "resources": []}`, "Terraform state file (terraform.tfstate), not a plan", 0, 0},
		{"plan log", "{\"@level\":\"info\",\"@message\":\"Terraform 1.5.0\",\"type\":\"version\"}\n{\"@level\":\"info\"}", "log of `terraform plan -json`", 0, 0},
		{"empty object", "{}", "no format_version", 0, 0},
		{"empty state", `{"format_version": "1.0"}`, "no planned_values or resource_changes", 0, 0},
		{"format 2.0", `{"format_version": "2.0", "planned_values": {}}`, `unsupported plan format_version "2.0"`, 1, 20},
		{"format junk", `{"format_version": "latest", "planned_values": {}}`, `unsupported plan format_version "latest"`, 1, 20},
		{"format number", "{\n \"format_version\": 1.2}", "format_version is a number, expected a string", 2, 20},
		{"resource_changes object", "{\"format_version\": \"1.2\",\n \"resource_changes\": {}}", "resource_changes is an object, expected an array", 2, 22},
		{"address number", "{\"format_version\": \"1.2\", \"resource_changes\": [\n {\"address\": 1}]}", "resource_changes[0].address is a number, expected a string", 2, 2},
		{"actions not strings", "{\"format_version\": \"1.2\", \"resource_changes\": [\n {\"address\": \"a.b\", \"change\": {\"actions\": [1]}}]}", "resource_changes[0].change.actions[0] is a number, expected a string", 2, 2},
		{"no address", `{"format_version": "1.2", "resource_changes": [{"mode": "managed", "change": {"actions": ["create"]}}]}`, "resource_changes[0] has no address", 1, 48},
		{"no change", `{"format_version": "1.2", "resource_changes": [{"address": "a.b", "mode": "managed"}]}`, "resource a.b has no change", 1, 48},
		{"unknown action", `{"format_version": "1.2", "resource_changes": [{"address": "a.b", "change": {"actions": ["create", "explode"]}}]}`, `resource a.b has unsupported actions ["create","explode"]`, 1, 48},
		{"no actions", `{"format_version": "1.2", "resource_changes": [{"address": "a.b", "change": {"actions": []}}]}`, `resource a.b has unsupported actions []`, 1, 48},
		{"fractional index", `{"format_version": "1.2", "resource_changes": [{"address": "a.b[1.5]", "index": 1.5, "change": {"actions": ["create"], "after": {}}}]}`, "invalid index: 1.5 is not a whole number", 1, 48},
		{"bool index", `{"format_version": "1.2", "resource_changes": [{"address": "a.b", "index": true, "change": {"actions": ["create"], "after": {}}}]}`, "invalid index: a bool is neither", 1, 48},
		{"after is a string", `{"format_version": "1.2", "resource_changes": [{"address": "a.b", "change": {"actions": ["create"], "after": "x"}}]}`, "change.after is a string, expected an object", 1, 48},
		{"configuration wrong", "{\"format_version\": \"1.2\", \"planned_values\": {},\n \"configuration\": {\"root_module\": {\"resources\": [{\"type\": 5}]}}}", "configuration.root_module.resources[0].type is a number, expected a string", 2, 19},
		{"bad escape", `{"format_version": "1.2\q"}`, `in string escape code`, 1, 25},
		{"control character", "{\"format_version\": \"1.\n2\"}", "in string literal", 1, 23},
		{"deep nesting", strings.Repeat("[", maxDepth+1), "nested too deeply", 1, maxDepth + 1},
		{"wrapper only", "[command]/usr/bin/terraform show -json tfplan\n::debug::exitcode: 1\n", "only setup-terraform wrapper lines", 0, 0},
		{"wrapper then junk", "[command]/usr/bin/terraform show -json tfplan\nError: no plan\n", "not valid JSON (invalid character 'E'", 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := Parse("plan.json", []byte(tt.input), Options{})
			if err == nil {
				t.Fatalf("Parse succeeded (%d resources), want an error", len(set.Resources))
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not an *Error: %v", err, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("error %q does not contain %q", msg, tt.want)
			}
			if pe.Line != tt.line || pe.Column != tt.col {
				t.Errorf("position = %d:%d, want %d:%d (%s)", pe.Line, pe.Column, tt.line, tt.col, msg)
			}
			checkMessage(t, "plan.json", err)
		})
	}
}

// checkMessage asserts the rules every parse error follows: one line,
// starting with the file name.
func checkMessage(t *testing.T, name string, err error) {
	t.Helper()
	msg := err.Error()
	if strings.ContainsAny(msg, "\n\r") {
		t.Errorf("error spans lines: %q", msg)
	}
	if !strings.HasPrefix(msg, name+":") {
		t.Errorf("error does not start with the file name %q: %q", name, msg)
	}
}

func TestErrorOneLine(t *testing.T) {
	err := &Error{File: "bad\nname.json", Line: 1, Column: 2, Msg: "what\r\nto do"}
	if got, want := err.Error(), "bad name.json:1:2: what  to do"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestPosition(t *testing.T) {
	text := []byte("ab\ncdé\nf")
	tests := []struct {
		off, line, col int
	}{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {7, 2, 4}, {8, 3, 1}, {9, 3, 2}, {99, 3, 2},
	}
	for _, tt := range tests {
		if l, c := Position(text, tt.off); l != tt.line || c != tt.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}

// TestEncodings feeds one plan the ways CI pipelines produce it: every
// variant must parse to the same model.
func TestEncodings(t *testing.T) {
	plain, err := os.ReadFile(filepath.Join("testdata", "actions.json"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse("plan.json", plain, Options{})
	if err != nil {
		t.Fatal(err)
	}
	compact := bytes.Join(bytes.Fields(plain), []byte(" ")) // one line, as the wrapper prints it
	tests := []struct {
		name  string
		input []byte
	}{
		{"UTF-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, plain...)},
		{"UTF-16LE BOM", encodeUTF16(t, unicode.LittleEndian, unicode.UseBOM, plain)},
		{"UTF-16BE BOM", encodeUTF16(t, unicode.BigEndian, unicode.UseBOM, plain)},
		{"UTF-16LE no BOM", encodeUTF16(t, unicode.LittleEndian, unicode.IgnoreBOM, plain)},
		{"UTF-16BE no BOM", encodeUTF16(t, unicode.BigEndian, unicode.IgnoreBOM, plain)},
		{"CRLF", bytes.ReplaceAll(plain, []byte("\n"), []byte("\r\n"))},
		{"setup-terraform wrapper", wrapped(compact, "")},
		{"wrapper with escaped newline", wrapped(compact, "%0A")},
		{"wrapper, Windows", bytes.ReplaceAll(wrapped(compact, "%0D%0A"), []byte("\n"), []byte("\r\n"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("plan.json", tt.input, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("model differs from the plain UTF-8 plan (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEncodedErrorPosition checks that positions in transcoded input
// name the line and column a user sees in an editor.
func TestEncodedErrorPosition(t *testing.T) {
	bad := []byte("{\n  \"format_version\": \"1.2\",\n  \"é\": x\n}")
	for _, enc := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		_, err := Parse("plan.json", encodeUTF16(t, enc, unicode.UseBOM, bad), Options{})
		var pe *Error
		if !errors.As(err, &pe) || pe.Line != 3 || pe.Column != 8 {
			t.Errorf("endianness %v: error %v, want one at 3:8", enc, err)
		}
	}
}

func encodeUTF16(t *testing.T, e unicode.Endianness, bom unicode.BOMPolicy, b []byte) []byte {
	t.Helper()
	out, err := unicode.UTF16(e, bom).NewEncoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// wrapped surrounds plan JSON with what hashicorp/setup-terraform's
// wrapper prints around it.
func wrapped(plan []byte, eol string) []byte {
	var b bytes.Buffer
	b.WriteString("[command]/home/runner/work/_temp/terraform-bin show -json tfplan\n")
	b.Write(plan)
	b.WriteString(eol + "\n")
	b.WriteString("::debug::Terraform exited with code 0.\n")
	b.WriteString("::debug::stdout: ")
	b.Write(plan)
	b.WriteString("%0A\n::debug::stderr: \n::debug::exitcode: 0\n")
	b.WriteString("::set-output name=stdout::")
	b.Write(plan)
	b.WriteString("%0A\n::set-output name=exitcode::0\n")
	return b.Bytes()
}

func TestAccepted(t *testing.T) {
	errored := "the plan errored, so it may be incomplete: fix the errors Terraform reported and plan again"
	tests := []struct {
		name  string
		input string
		notes []string
	}{
		{"format 0.1", `{"format_version": "0.1", "planned_values": {}}`, nil},
		{"format 1.0", `{"format_version": "1.0", "resource_changes": []}`, nil},
		{"format 1.2", `{"format_version": "1.2", "planned_values": {}}`, nil},
		{"newer 1.x minor", `{"format_version": "1.10", "planned_values": {}, "new_field": {"x": [1]}}`, nil},
		{"null members", `{"format_version": "1.2", "planned_values": null, "resource_changes": null, "configuration": null, "variables": null}`, nil},
		{"errored, empty prior_state", `{"format_version": "1.2", "planned_values": {"root_module": {}}, "prior_state": {}, "errored": true}`, []string{errored}},
		{"configuration only", `{"format_version": "1.2", "configuration": {"root_module": {}}}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := Parse("plan.json", []byte(tt.input), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(set.Resources) != 0 {
				t.Errorf("resources = %d, want none", len(set.Resources))
			}
			if diff := cmp.Diff(tt.notes, set.Notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
}
