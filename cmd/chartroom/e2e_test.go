package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chartroom/chartroom/demogen"
	"github.com/chromedp/chromedp"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServer runs the real serve command on port 0 against a new data
// folder and returns its base URL and everything it printed.
func startServer(t *testing.T, data string, demo bool) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	env := &Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: &syncBuffer{}, Getenv: func(string) string { return "" }}
	ready := make(chan string, 1)
	done := make(chan error, 1)
	c := serveConfig{addr: "127.0.0.1:0", demo: demo, idle: 15 * time.Minute, ready: ready}
	c.store.data, c.store.sync = data, "NORMAL"
	go func() { done <- serve(ctx, env, c) }()
	select {
	case addr := <-ready:
		t.Cleanup(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve: %v", err)
			}
		})
		return "http://" + addr, out
	case err := <-done:
		cancel()
		t.Fatalf("serve stopped: %v\n%s", err, env.Stderr)
	case <-time.After(60 * time.Second):
		cancel()
		t.Fatal("serve did not start")
	}
	return "", nil
}

// browser returns a chromedp context on Debian's headless Chromium, or
// skips when it is not installed.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("CHARTROOM_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("chromium is not installed at %s: .ci/run installs it with apt-get install chromium", path)
		}
		t.Skipf("browser test skipped: no chromium at %s (apt-get install chromium)", path)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.WindowSize(1366, 900))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 180*time.Second)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

var oneTimePassword = regexp.MustCompile(`one-time password: (\S+)`)

// TestBrowserChart signs in as the admin in a real browser, sets a password,
// searches for a patient, opens the chart and reads a document.
func TestBrowserChart(t *testing.T) {
	data := t.TempDir()
	base, out := startServer(t, data, true)
	// Choose a demo patient with an inpatient stay, as a person would.
	var pt *demogen.Patient
	for _, p := range demoHospital().Patients {
		if p.Confidentiality.Any() || p.DuplicateOf >= 0 {
			continue
		}
		for _, v := range p.Visits {
			if v.Class == "inpatient" && pt == nil {
				pt = p
			}
		}
	}
	if pt == nil {
		t.Fatal("no inpatient in the demo")
	}
	m := oneTimePassword.FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no one-time password printed:\n%s", out.String())
	}
	ctx := browser(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	err := chromedp.Do(ctx,
		signInFirstTime(base, m[1], "harbor-view-2026"),
		chromedp.SendKeys(css(`#q`), pt.Name.Family+", "+pt.Name.Given),
		chromedp.Submit(css(`#q`)),
		chromedp.WaitVisible(css(`table.list tbody a`)),
		chromedp.Click(css(`table.list tbody a`)),
		chromedp.WaitVisible(css(`.banner h1`)),
	)
	if err != nil {
		t.Fatalf("browser: %v\nserver output:\n%s", err, out.String())
	}
	banner, err := chromedp.Run(ctx, chromedp.Text(css(`.banner h1`)))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(css(`ul.docs a[href*="doc="]`)), chromedp.WaitVisible(css(`.viewer header h2`))); err != nil {
		t.Fatalf("open document: %v", err)
	}
	note, err := chromedp.Run(ctx, chromedp.Text(css(`.viewer`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(banner, pt.Name.Family+", "+pt.Name.Given) {
		t.Errorf("chart banner = %q, want %s", banner, pt.Name.Display())
	}
	if !strings.Contains(note, "HARBOR VIEW MEDICAL CENTER") && !strings.Contains(note, "Open in new tab") {
		t.Errorf("document viewer shows %q", note)
	}
	// The privacy officer's pages: who accessed this record.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/privacy"),
		chromedp.WaitVisible(css(`#mrn`)),
		chromedp.SendKeys(css(`#mrn`), pt.MRN("MAIN")),
		chromedp.Submit(css(`#mrn`)),
		chromedp.WaitVisible(css(`table.list tbody td`)),
	); err != nil {
		loc, _ := chromedp.Run(context.WithoutCancel(ctx), chromedp.Location())
		t.Fatalf("privacy pages: %v (at %s)", err, loc)
	}
	report, err := chromedp.Run(ctx, chromedp.Text(css(`table.list`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(report, "admin") || !strings.Contains(report, "read") {
		t.Errorf("access report does not show the admin's reads:\n%s", report)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/privacy/monitor"), chromedp.WaitVisible(css(`h1`))); err != nil {
		t.Fatalf("monitor page: %v", err)
	}
	if dir := os.Getenv("CHARTROOM_SCREENSHOTS"); dir != "" {
		if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
			os.WriteFile(filepath.Join(dir, "chart.png"), png, 0o644)
		}
	}
}

// demoHospital is the hospital 'serve --demo' loads.
func demoHospital() *demogen.Hospital {
	return demogen.Generate(2026, demoPatients, time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC))
}

// signInFirstTime signs in as the admin with the one-time password, chooses
// a password, and lands on patient search.
func signInFirstTime(base, oneTime, chosen string) chromedp.Action[chromedp.Void] {
	return signInFirstTimeAs(base, "admin", oneTime, chosen)
}

// signInFirstTimeAs signs a new user in with their one-time password and
// sets the chosen one, ending on the patient search.
func signInFirstTimeAs(base, user, oneTime, chosen string) chromedp.Action[chromedp.Void] {
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	return chromedp.Steps(
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(css(`#username`)),
		chromedp.SendKeys(css(`#username`), user),
		chromedp.SendKeys(css(`#password`), oneTime),
		chromedp.Submit(css(`#password`)),
		chromedp.WaitVisible(css(`#current`)),
		chromedp.SendKeys(css(`#current`), oneTime),
		chromedp.SendKeys(css(`#new`), chosen),
		chromedp.SendKeys(css(`#again`), chosen),
		chromedp.Submit(css(`#again`)),
		chromedp.WaitVisible(css(`#q`)),
	)
}
