package report_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tollgate-dev/tollgate/engine/report"
)

// chromium finds Debian's headless-capable Chromium, or skips the test;
// CI sets TOLLGATE_REQUIRE_CHROMIUM=1 (.ci/chromium.sh) so that a missing
// browser fails there instead of passing silently.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "/usr/bin/chromium"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("TOLLGATE_REQUIRE_CHROMIUM") == "1" {
		t.Fatal("chromium not installed, and TOLLGATE_REQUIRE_CHROMIUM=1: install it (apt-get install chromium) or run .ci/run")
	}
	t.Skip("chromium not installed: .ci/run installs it")
	return ""
}

// runChromium loads url headless, offline-minded, with a fresh profile,
// and returns what it printed. The deadline only guards against a hung
// browser; nothing is timed.
func runChromium(t *testing.T, bin, url string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--virtual-time-budget=5000",
		"--force-device-scale-factor=1", "--hide-scrollbars",
	}
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), url)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

var barWidth = regexp.MustCompile(`<rect class="bar (predicted|actual)" [^>]*width="([0-9.]+)"`)

// TestReconcileHTMLInChromium opens the full report in headless Chromium:
// the parsed DOM must hold the chart with one pair of bars per charted
// resource and the bill's text as text, and the screenshot must show bars
// of both colors in the areas the SVG declares.
func TestReconcileHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	const charted = 6
	var page bytes.Buffer
	if err := report.Reconciliation(&page, fullResult(), "html", report.ReconcileOptions{ChartResources: charted}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "reconcile.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + file

	dom := string(runChromium(t, bin, url, "--dump-dom"))
	widths := map[string]float64{}
	counts := map[string]int{}
	for _, m := range barWidth.FindAllStringSubmatch(dom, -1) {
		w, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			t.Fatal(err)
		}
		widths[m[1]] += w
		counts[m[1]]++
	}
	for _, class := range []string{"predicted", "actual"} {
		if counts[class] != charted {
			t.Errorf("the DOM has %d %s bars, want %d", counts[class], class, charted)
		}
	}
	for _, want := range []string{`<svg role="img"`, `<title id="chart-title">`, "Cost over the period (USD)", "Actual (billed cost)", "&lt;script&gt;alert(1)&lt;/script&gt;"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the DOM lacks %q", want)
		}
	}
	if strings.Contains(dom, "<script>alert") {
		t.Error("a resource address became a script element")
	}

	shot := filepath.Join(t.TempDir(), "reconcile.png")
	const width, height = 1200, 1400
	runChromium(t, bin, url, "--screenshot="+shot, "--window-size="+strconv.Itoa(width)+","+strconv.Itoa(height))
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if b := img.Bounds(); b.Dx() != width || b.Dy() != height {
		t.Errorf("screenshot is %dx%d, want %dx%d", b.Dx(), b.Dy(), width, height)
	}
	pixels, colors := colorCounts(img)
	if colors < 50 {
		t.Errorf("screenshot has %d colors: blank or unstyled", colors)
	}
	// Bars are 11 units high, plus a 14×14 legend swatch per color; edges
	// at fractional widths are blended, hence the tolerance.
	for class, rgb := range map[string][3]uint8{"predicted": {0x4e, 0x79, 0xa7}, "actual": {0xf2, 0x8e, 0x2b}} {
		want := widths[class]*11 + 14*14
		got := float64(pixels[rgb])
		t.Logf("%s: %.0f pixels of its color, want about %.0f", class, got, want)
		if got < want*0.95 || got > want*1.05 {
			t.Errorf("%s bars cover %.0f pixels of their color, want about %.0f", class, got, want)
		}
	}
}

// colorCounts counts the pixels of each opaque color and the distinct
// colors.
func colorCounts(img image.Image) (map[[3]uint8]int, int) {
	counts := map[[3]uint8]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			counts[[3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8)}]++
		}
	}
	return counts, len(counts)
}
