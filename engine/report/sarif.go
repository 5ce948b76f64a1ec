package report

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/url"
	"path"
	"strings"
	"unicode"

	"github.com/tollgate-dev/tollgate/engine"
	"github.com/tollgate-dev/tollgate/engine/gate"
	"github.com/tollgate-dev/tollgate/engine/policy"
)

// SARIF constants.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// srcRoot is the base of relative artifact URIs: the checked-out
	// repository, as code-scanning services resolve it.
	srcRoot        = "%SRCROOT%"
	toolName       = "tollgate"
	toolURI        = "https://github.com/tollgate-dev/tollgate"
	fingerprintKey = "tollgateFinding/v1"
)

// SARIFOptions controls the SARIF renderer.
type SARIFOptions struct {
	// ToolVersion is tollgate's version; empty means "dev".
	ToolVersion string
}

// SARIF writes a check result as a SARIF 2.1.0 log with one run: one rule
// per rule id, one result per finding. Waived findings are results with a
// suppression, so code-scanning services show them as dismissed.
//
// A result's level follows the finding's severity (deny error, warn
// warning, info note), except that a deny the gate lets through (advisory,
// overridden) is a warning: services fail their checks on errors, and an
// advisory rule must never fail one.
func SARIF(w io.Writer, res *engine.Result, opts SARIFOptions) error {
	if res == nil || res.Estimate == nil {
		return errNoEstimate
	}
	version := opts.ToolVersion
	if version == "" {
		version = "dev"
	}
	rules := ruleInfos(res)
	index := make(map[string]int, len(rules))
	driver := sarifDriver{Name: toolName, InformationURI: toolURI, Version: version, Rules: make([]sarifRule, 0, len(rules))}
	for i, r := range rules {
		index[r.ID] = i
		driver.Rules = append(driver.Rules, sarifRuleOf(r))
	}
	run := sarifRun{
		Tool:    sarifTool{Driver: driver},
		Results: make([]sarifResult, 0, len(res.Findings)),
		Properties: &sarifRunProperties{
			Passed:    res.Passed,
			Currency:  res.Currency,
			PastTotal: money(res.PastTotal),
			Total:     money(res.Total),
			DiffTotal: money(res.DiffTotal),
		},
	}
	for _, j := range res.Findings {
		run.Results = append(run.Results, sarifResultOf(j, index[j.Rule]))
	}
	return writeJSON(w, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func sarifRuleOf(r ruleInfo) sarifRule {
	short := r.Title
	if short == "" {
		short = r.ID
	}
	rule := sarifRule{
		ID:                   r.ID,
		Name:                 pascal(r.ID),
		ShortDescription:     &sarifText{Text: short},
		DefaultConfiguration: &sarifConfiguration{Level: sarifLevel(r.Severity)},
	}
	if r.Description != "" {
		rule.FullDescription = &sarifText{Text: r.Description}
	}
	return rule
}

func sarifResultOf(j gate.Judged, ruleIndex int) sarifResult {
	level := sarifLevel(j.Severity)
	if j.Severity == policy.Deny && !j.Blocking && j.Waiver == nil {
		level = "warning"
	}
	r := sarifResult{
		RuleID:              j.Rule,
		RuleIndex:           ruleIndex,
		Level:               level,
		Message:             sarifText{Text: j.Message},
		PartialFingerprints: map[string]string{fingerprintKey: fingerprint(j)},
		Properties: &sarifResultProperties{
			Address:     j.Address,
			Blocking:    j.Blocking,
			Enforcement: string(j.Level),
			Overridden:  j.Overridden,
			Policy:      j.Policy,
		},
	}
	var loc sarifLocation
	if j.Location != nil && j.Location.File != "" {
		loc.PhysicalLocation = &sarifPhysicalLocation{ArtifactLocation: artifactLocation(j.Location.File)}
		if j.Location.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: j.Location.Line}
		}
	}
	if j.Address != "" {
		loc.LogicalLocations = []sarifLogicalLocation{{FullyQualifiedName: j.Address, Kind: "resource"}}
	}
	if loc.PhysicalLocation != nil || loc.LogicalLocations != nil {
		r.Locations = []sarifLocation{loc}
	}
	if j.Waiver != nil {
		r.Suppressions = []sarifSuppression{suppression(j.Waiver)}
	}
	if j.Expired != nil {
		r.Properties.ExpiredWaiver = waiverDoc(j.Expired)
	}
	return r
}

// suppression is a waiver as SARIF sees it: declared in the source when
// it is an inline comment of a .tf file, external otherwise (tollgate.yml).
func suppression(w *gate.Waiver) sarifSuppression {
	s := sarifSuppression{
		Kind:          "external",
		Status:        "accepted",
		Justification: w.Reason,
		Properties:    &sarifSuppressionProperties{Owner: w.Owner, Expires: w.Expires, Source: w.Source, Rule: w.Rule, Address: w.Address},
	}
	file, _, _ := strings.Cut(w.Source, ":")
	if strings.HasSuffix(file, ".tf") || strings.HasSuffix(file, ".tf.json") {
		s.Kind = "inSource"
	}
	return s
}

func sarifLevel(s policy.Severity) string {
	switch s {
	case policy.Deny:
		return "error"
	case policy.Warn:
		return "warning"
	}
	return "note"
}

// artifactLocation makes a URI of a file path: relative paths against the
// source root, absolute ones as file URIs.
func artifactLocation(file string) sarifArtifactLocation {
	p := strings.ReplaceAll(file, "\\", "/")
	if path.IsAbs(p) {
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: p}).String()}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: p}).String(), URIBaseID: srcRoot}
}

// fingerprint identifies a finding across runs, whatever lines move: a
// hash of its rule, address and message.
func fingerprint(j gate.Judged) string {
	sum := sha256.Sum256([]byte(j.Rule + "\x00" + j.Address + "\x00" + j.Message))
	return hex.EncodeToString(sum[:16])
}

// pascal makes a SARIF rule name of an id: required-tags -> RequiredTags.
func pascal(id string) string {
	var b strings.Builder
	upper := true
	for _, r := range id {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			upper = true
			continue
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return id
	}
	return b.String()
}
