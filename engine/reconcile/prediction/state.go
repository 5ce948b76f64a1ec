package prediction

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/tollgate-dev/tollgate/engine/plan"
)

// ErrEmptyState is wrapped by the error ReadState returns for a state that
// holds no managed resource: usually the wrong directory or a workspace
// never applied, but a caller recording a change that destroyed
// everything may carry on without identifiers.
var ErrEmptyState = errors.New("the state holds no managed resources")

// showState is the part of `terraform show -json` (of a state) and of a
// raw state file (terraform.tfstate, `terraform state pull`) that holds
// identifiers, plus the keys that tell a plan apart.
type showState struct {
	FormatVersion *string `json:"format_version"`
	Values        *struct {
		RootModule *showModule `json:"root_module"`
	} `json:"values"`
	PlannedValues   json.RawMessage `json:"planned_values"`
	ResourceChanges json.RawMessage `json:"resource_changes"`

	// A raw state file: version 4 and its resources with instances.
	Version   json.RawMessage `json:"version"`
	Resources []rawResource   `json:"resources"`
}

type showModule struct {
	Address      string         `json:"address"`
	Resources    []showResource `json:"resources"`
	ChildModules []showModule   `json:"child_modules"`
}

type showResource struct {
	Address string          `json:"address"`
	Mode    string          `json:"mode"`
	Type    string          `json:"type"`
	Name    string          `json:"name"`
	Values  json.RawMessage `json:"values"`
}

type rawResource struct {
	Module    string `json:"module"`
	Mode      string `json:"mode"`
	Type      string `json:"type"`
	Name      string `json:"name"`
	Instances []struct {
		IndexKey   json.RawMessage `json:"index_key"`
		Attributes json.RawMessage `json:"attributes"`
	} `json:"instances"`
}

// stateFormat matches the `terraform show -json` format versions read:
// every 0.x and 1.x, as for plans.
var stateFormat = regexp.MustCompile(`^[01]\.[0-9]+$`)

// showJSON is what to do about a file that is not a state.
const showJSON = "run `terraform show -json > state.json` after terraform apply and pass state.json"

// ReadState reads the applied state, as printed by `terraform show -json`
// (a raw terraform.tfstate is accepted too), and returns the cloud
// identifiers of every managed resource instance by address: ids, ARNs,
// Azure resource ids, GCP self links, sorted and unique. name is the file
// as the user gave it, for messages; every error is one line naming it.
func ReadState(r io.Reader, name string) (map[string][]string, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read state %s: %w", name, err)
	}
	var doc showState
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, jsonError(name, data, err)
	}
	ids := map[string][]string{}
	var types map[string]string // address -> type, for shared identifiers
	switch {
	case doc.PlannedValues != nil || doc.ResourceChanges != nil:
		return nil, fmt.Errorf("%s: this is a plan; pass the state: terraform show -json > state.json", name)
	case doc.FormatVersion != nil:
		if !stateFormat.MatchString(*doc.FormatVersion) {
			return nil, fmt.Errorf("%s: state format_version %q is not supported (tollgate reads 0.x and 1.x): upgrade tollgate", name, *doc.FormatVersion)
		}
		if doc.Values == nil || doc.Values.RootModule == nil {
			return nil, fmt.Errorf("%s: %w: %s", name, ErrEmptyState, showJSON)
		}
		types = map[string]string{}
		if err := collectModule(doc.Values.RootModule, ids, types, 0); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	case doc.Version != nil:
		var err error
		if types, err = collectRaw(doc, ids); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	default:
		return nil, fmt.Errorf("%s: not a Terraform state (no format_version or values): %s", name, showJSON)
	}
	if len(types) == 0 {
		return nil, fmt.Errorf("%s: %w: %s", name, ErrEmptyState, showJSON)
	}
	settle(ids, types)
	return ids, nil
}

// maxModuleDepth bounds the nesting of child_modules; real configurations
// nest a handful of levels.
const maxModuleDepth = 100

func collectModule(m *showModule, ids map[string][]string, types map[string]string, depth int) error {
	if depth > maxModuleDepth {
		return fmt.Errorf("modules nest deeper than %d levels under %s: %s", maxModuleDepth, m.Address, showJSON)
	}
	for _, r := range m.Resources {
		if r.Mode == "data" {
			continue // read, not managed: nothing is billed for it
		}
		if r.Address == "" {
			where := m.Address
			if where == "" {
				where = "the root module"
			}
			return fmt.Errorf("resource %s.%s in %s has no address: %s", r.Type, r.Name, where, showJSON)
		}
		found, err := identifiers(r.Type, r.Values)
		if err != nil {
			return fmt.Errorf("%s: %w", r.Address, err)
		}
		// A deposed object has its current object's address; both are
		// the same resource to a bill.
		ids[r.Address] = append(ids[r.Address], found...)
		types[r.Address] = r.Type
	}
	for i := range m.ChildModules {
		if err := collectModule(&m.ChildModules[i], ids, types, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// collectRaw reads a raw state file, whose instances carry no address.
func collectRaw(doc showState, ids map[string][]string) (map[string]string, error) {
	if v := strings.TrimSpace(string(doc.Version)); v != "4" {
		return nil, fmt.Errorf("raw state version %s is not supported: %s", v, showJSON)
	}
	types := map[string]string{}
	for _, r := range doc.Resources {
		if r.Mode == "data" {
			continue
		}
		if r.Type == "" || r.Name == "" {
			return nil, fmt.Errorf("a resource in module %q has no type or name: %s", r.Module, showJSON)
		}
		base := r.Type + "." + r.Name
		if r.Module != "" {
			base = r.Module + "." + base
		}
		for _, inst := range r.Instances {
			key, err := indexKey(inst.IndexKey)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", base, err)
			}
			found, err := identifiers(r.Type, inst.Attributes)
			if err != nil {
				return nil, fmt.Errorf("%s%s: %w", base, key, err)
			}
			ids[base+key] = append(ids[base+key], found...)
			types[base+key] = r.Type
		}
	}
	return types, nil
}

// indexKey renders a raw state's index_key as an address suffix: [0] or
// ["key"].
func indexKey(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", err
	}
	switch k := v.(type) {
	case float64:
		if k != float64(int64(k)) || k < 0 {
			return "", fmt.Errorf("index_key %s is not a count index", raw)
		}
		return "[" + strconv.FormatInt(int64(k), 10) + "]", nil
	case string:
		return "[" + strconv.Quote(k) + "]", nil
	}
	return "", fmt.Errorf("index_key %s is neither a number nor a string", raw)
}

// jsonError explains a state that json cannot decode, at its line and
// column when known.
func jsonError(name string, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return fmt.Errorf("%s: the file is empty: %s", name, showJSON)
	case errors.As(err, &syn) && syn.Offset >= int64(len(data)):
		return fmt.Errorf("%s: the JSON ends early, the file looks truncated: %s", name, showJSON)
	case errors.As(err, &syn):
		line, col := plan.Position(data, int(syn.Offset)-1) // Offset is just past the culprit
		return fmt.Errorf("%s:%d:%d: not valid JSON (%s): %s", name, line, col, strings.TrimPrefix(syn.Error(), "json: "), showJSON)
	case errors.As(err, &typ):
		line, col := plan.Position(data, int(typ.Offset))
		if typ.Field == "" {
			return fmt.Errorf("%s: not a Terraform state (a JSON %s, not an object): %s", name, typ.Value, showJSON)
		}
		return fmt.Errorf("%s:%d:%d: %s is a JSON %s, which no state has: %s", name, line, col, typ.Field, typ.Value, showJSON)
	}
	return fmt.Errorf("%s: not valid JSON (%s): %s", name, strings.TrimPrefix(err.Error(), "json: "), showJSON)
}
