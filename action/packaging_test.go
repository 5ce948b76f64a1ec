package action_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rhysd/actionlint"
	"gopkg.in/yaml.v3"
)

// TestWorkflowAndAction lints the example workflow with actionlint, with
// its `uses:` pointing at this repository's action.yml, so that the
// action's metadata and the inputs the example passes are checked too.
func TestWorkflowAndAction(t *testing.T) {
	errs := lintExample(t, nil)
	for _, e := range errs {
		t.Errorf("%s:%d:%d: %s [%s]", filepath.Base(e.Filepath), e.Line, e.Column, e.Message, e.Kind)
	}
}

// TestLintCatchesMistakes shows that the lint test can fail: an input the
// action does not declare is an error.
func TestLintCatchesMistakes(t *testing.T) {
	errs := lintExample(t, func(workflow string) string {
		return strings.Replace(workflow, "usage: tollgate-usage.yml", "usage: tollgate-usage.yml\n          budget: 100", 1)
	})
	found := false
	for _, e := range errs {
		found = found || strings.Contains(e.Message, `input "budget" is not defined`)
	}
	if !found {
		t.Errorf("actionlint did not report the undeclared input: %v", errs)
	}
}

func lintExample(t *testing.T, edit func(string) string) []*actionlint.Error {
	t.Helper()
	root := t.TempDir()
	workflow, err := os.ReadFile("../examples/github/tollgate.yml")
	if err != nil {
		t.Fatal(err)
	}
	local := strings.Replace(string(workflow), "uses: tollgate-dev/tollgate/action@main", "uses: ./action", 1)
	if local == string(workflow) {
		t.Fatal("the example workflow no longer uses tollgate-dev/tollgate/action@main")
	}
	if edit != nil {
		local = edit(local)
	}
	write(t, filepath.Join(root, ".github", "workflows", "tollgate.yml"), local)
	action, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(root, "action", "action.yml"), string(action))
	linter, err := actionlint.NewLinter(io.Discard, &actionlint.LinterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	project, err := actionlint.NewProject(root)
	if err != nil {
		t.Fatal(err)
	}
	errs, err := linter.LintFile(filepath.Join(root, ".github", "workflows", "tollgate.yml"), project)
	if err != nil {
		t.Fatal(err)
	}
	return errs
}

// TestGitLabTemplate checks that the GitLab template and example are YAML
// whose job publishes the three reports the command writes.
func TestGitLabTemplate(t *testing.T) {
	for _, file := range []string{"gitlab/tollgate.gitlab-ci.yml", "../examples/gitlab/.gitlab-ci.yml"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if _, ok := doc["tollgate"]; !ok {
			t.Errorf("%s has no tollgate job", file)
		}
	}
	data, _ := os.ReadFile("gitlab/tollgate.gitlab-ci.yml")
	var tmpl struct {
		Tollgate struct {
			Script    []string `yaml:"script"`
			Artifacts struct {
				Reports map[string]string `yaml:"reports"`
			} `yaml:"artifacts"`
		} `yaml:"tollgate"`
	}
	if err := yaml.Unmarshal(data, &tmpl); err != nil {
		t.Fatal(err)
	}
	script := strings.Join(tmpl.Tollgate.Script, "\n")
	for kind, file := range tmpl.Tollgate.Artifacts.Reports {
		if !strings.Contains(script, "="+file) {
			t.Errorf("the %s report %s is not written by the script", kind, file)
		}
	}
	if len(tmpl.Tollgate.Artifacts.Reports) != 3 {
		t.Errorf("reports = %v, want codequality, terraform and junit", tmpl.Tollgate.Artifacts.Reports)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
