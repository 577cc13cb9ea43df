package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom/codeset"
	"github.com/chartroom/chartroom/storage"
	"github.com/chromedp/chromedp"
)

// orderLine writes one fixed-width record of an ICD-10-CM or ICD-10-PCS
// order file; the short title is the long one cut to its 60 characters.
func orderLine(n int, code string, billable bool, title string) string {
	flag := "0"
	if billable {
		flag = "1"
	}
	return fmt.Sprintf("%05d %-7s %s %-60s %s\r\n", n, code, flag, title[:min(len(title), 60)], title)
}

// encoderCM is a fictitious ICD-10-CM year in the official order-file
// layout: the codes both years share, then each year's own. In FY2026
// I50.84 is added, K35.80 deleted and I50.9 retitled.
func encoderCM(fy int) string {
	type code struct {
		code     string
		billable bool
		title    string
	}
	codes := []code{
		{"I50", false, "Heart failure"}, {"I502", false, "Systolic (congestive) heart failure"},
		{"I5023", true, "Acute on chronic systolic (congestive) heart failure"},
		{"J18", false, "Pneumonia, unspecified organism"}, {"J189", true, "Pneumonia, unspecified organism"},
		{"S72", false, "Fracture of femur"}, {"S720", false, "Fracture of head and neck of femur"},
		{"S7200", false, "Fracture of unspecified part of neck of femur"}, {"S72001", false, "Fracture of unspecified part of neck of right femur"},
		{"S72001A", true, "Fx unsp part of neck of right femur, init for clos fx"},
		{"S72001D", true, "Fx unsp part of nk of r femr, subs for clos fx w routn heal"},
	}
	if fy == 2025 {
		codes = append(codes, code{"I509", true, "Heart failure, unspecified"}, code{"K3580", true, "Unspecified acute appendicitis"})
	} else {
		codes = append(codes, code{"I5084", true, "End stage heart failure"}, code{"I509", true, "Heart failure, not otherwise specified"})
	}
	var b strings.Builder
	for i, c := range codes {
		b.WriteString(orderLine(i+1, c.code, c.billable, c.title))
	}
	return b.String()
}

// encoderTabular is a fictitious ICD-10-CM tabular list for the codes of
// encoderCM: chapter and section notes that S72.001A inherits, and the 7th
// characters of category S72.
const encoderTabular = `<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.tabular><version>2026</version>
<chapter><name>9</name><desc>Diseases of the circulatory system (I00-I99)</desc>
<section id="I30-I5A"><desc>Other forms of heart disease (I30-I5A)</desc>
<diag><name>I50</name><desc>Heart failure</desc>
<excludes1><note>neonatal cardiac failure (P29.0)</note></excludes1>
<diag><name>I50.2</name><desc>Systolic (congestive) heart failure</desc>
<diag><name>I50.23</name><desc>Acute on chronic systolic (congestive) heart failure</desc></diag></diag>
<diag><name>I50.9</name><desc>Heart failure, unspecified</desc></diag>
</diag></section></chapter>
<chapter><name>19</name><desc>Injury, poisoning and certain other consequences of external causes (S00-T88)</desc>
<useAdditionalCode><note>code to identify any retained foreign body, if applicable (Z18.-)</note></useAdditionalCode>
<section id="S70-S79"><desc>Injuries to the hip and thigh (S70-S79)</desc>
<diag><name>S72</name><desc>Fracture of femur</desc>
<excludes1><note>traumatic amputation of hip and thigh (S78.-)</note></excludes1>
<sevenChrNote><note>The appropriate 7th character is to be added to all codes from category S72</note></sevenChrNote>
<sevenChrDef><extension char="A">initial encounter for closed fracture</extension><extension char="D">subsequent encounter for closed fracture with routine healing</extension><extension char="S">sequela</extension></sevenChrDef>
<diag><name>S72.0</name><desc>Fracture of head and neck of femur</desc>
<excludes2><note>physeal fracture of upper end of femur (S79.0-)</note></excludes2>
<diag><name>S72.00</name><desc>Fracture of unspecified part of neck of femur</desc>
<diag><name>S72.001</name><desc>Fracture of unspecified part of neck of right femur</desc></diag>
</diag></diag></diag></section></chapter>
</ICD10CM.tabular>`

// pcsAxis is one axis of a fictitious PCS table: its title and values.
type pcsAxis struct {
	title  string
	values [][2]string // character, meaning
}

// encoderPCSTables are three small ICD-10-PCS tables in the official shape:
// section, body system and operation fixed, rows for characters 4-7.
var encoderPCSTables = []struct {
	fixed [3][2]string
	def   string
	rows  [][4]pcsAxis
}{
	{[3][2]string{{"0", "Medical and Surgical"}, {"D", "Gastrointestinal System"}, {"T", "Resection"}}, "Cutting out or off, without replacement, all of a body part",
		[][4]pcsAxis{
			{{"Body Part", [][2]string{{"J", "Appendix"}}}, {"Approach", [][2]string{{"0", "Open"}, {"4", "Percutaneous Endoscopic"}}}, {"Device", [][2]string{{"Z", "No Device"}}}, {"Qualifier", [][2]string{{"Z", "No Qualifier"}}}},
			{{"Body Part", [][2]string{{"6", "Stomach"}}}, {"Approach", [][2]string{{"0", "Open"}, {"4", "Percutaneous Endoscopic"}, {"8", "Via Natural or Artificial Opening Endoscopic"}}}, {"Device", [][2]string{{"Z", "No Device"}}}, {"Qualifier", [][2]string{{"Z", "No Qualifier"}}}},
		}},
	{[3][2]string{{"0", "Medical and Surgical"}, {"D", "Gastrointestinal System"}, {"B", "Excision"}}, "Cutting out or off, without replacement, a portion of a body part",
		[][4]pcsAxis{
			{{"Body Part", [][2]string{{"J", "Appendix"}}}, {"Approach", [][2]string{{"0", "Open"}, {"3", "Percutaneous"}, {"4", "Percutaneous Endoscopic"}}}, {"Device", [][2]string{{"Z", "No Device"}}}, {"Qualifier", [][2]string{{"X", "Diagnostic"}, {"Z", "No Qualifier"}}}},
		}},
	{[3][2]string{{"0", "Medical and Surgical"}, {"F", "Hepatobiliary System and Pancreas"}, {"T", "Resection"}}, "Cutting out or off, without replacement, all of a body part",
		[][4]pcsAxis{
			{{"Body Part", [][2]string{{"4", "Gallbladder"}}}, {"Approach", [][2]string{{"0", "Open"}, {"4", "Percutaneous Endoscopic"}}}, {"Device", [][2]string{{"Z", "No Device"}}}, {"Qualifier", [][2]string{{"Z", "No Qualifier"}}}},
		}},
}

// encoderPCS returns the tables XML and the matching order file: every
// code the rows build, and a header line for each table.
func encoderPCS() (tables, order string) {
	var x, o strings.Builder
	x.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ICD10PCS.tabular><version>2026</version>\n")
	n := 0
	titles := [3]string{"Section", "Body System", "Operation"}
	for _, t := range encoderPCSTables {
		x.WriteString("<pcsTable>\n")
		for i, f := range t.fixed {
			def := ""
			if i == 2 {
				def = "<definition>" + t.def + "</definition>"
			}
			fmt.Fprintf(&x, `<axis pos="%d" values="1"><title>%s</title><label code="%s">%s</label>%s</axis>`+"\n", i+1, titles[i], f[0], f[1], def)
		}
		prefix := t.fixed[0][0] + t.fixed[1][0] + t.fixed[2][0]
		n++
		o.WriteString(orderLine(n, prefix, false, t.fixed[1][1]+", "+t.fixed[2][1]))
		for _, row := range t.rows {
			x.WriteString("<pcsRow>")
			for i, a := range row {
				fmt.Fprintf(&x, `<axis pos="%d" values="%d"><title>%s</title>`, i+4, len(a.values), a.title)
				for _, v := range a.values {
					fmt.Fprintf(&x, `<label code="%s">%s</label>`, v[0], v[1])
				}
				x.WriteString("</axis>")
			}
			x.WriteString("</pcsRow>\n")
			for _, bp := range row[0].values {
				for _, ap := range row[1].values {
					for _, dv := range row[2].values {
						for _, q := range row[3].values {
							n++
							o.WriteString(orderLine(n, prefix+bp[0]+ap[0]+dv[0]+q[0], true, fmt.Sprintf("%s of %s, %s Approach", t.fixed[2][1], bp[1], ap[1])))
						}
					}
				}
			}
		}
		x.WriteString("</pcsTable>\n")
	}
	x.WriteString("</ICD10PCS.tabular>\n")
	return x.String(), o.String()
}

// TestBrowserEncoder loads two small ICD-10-CM years with a tabular list
// and a small ICD-10-PCS year with its tables, then in a real browser
// searches as it types, reads a code's hierarchy and notes, validates a
// list of codes, lists the changes between the years and builds a PCS code
// axis by axis.
func TestBrowserEncoder(t *testing.T) {
	data := t.TempDir()
	saveCodeSet(t, data, 2025, encoderCM(2025))
	saveCodeFiles(t, data, 2026, map[string]string{"icd10cm_order_2026.txt": encoderCM(2026), "icd10cm_tabular_2026.xml": encoderTabular})
	tables, order := encoderPCS()
	saveCodeFiles(t, data, 2026, map[string]string{"icd10pcs_order_2026.txt": order, "icd10pcs_tables_2026.xml": tables})
	base, out := startServer(t, data, false)
	m := regexp.MustCompile(`one-time password: (\S+)`).FindStringSubmatch(out.String())
	ctx := browser(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	text := func(t *testing.T, sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(css(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return s
	}
	wantAll := func(t *testing.T, what, got string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q:\n%s", what, w, got)
			}
		}
	}
	if err := chromedp.Do(ctx, signInFirstTime(base, m[1], "encoder-test-2026")); err != nil {
		t.Fatalf("sign in: %v\n%s", err, out.String())
	}

	t.Run("search as you type", func(t *testing.T) {
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/codes"),
			chromedp.WaitVisible(css(`#code-q`)),
			chromedp.SendKeys(css(`#code-q`), "acute on chronic systolic CHF"),
			// No submit: the list fills as the coder types.
			chromedp.WaitVisible(css(`#code-results a`)),
		)
		if err != nil {
			t.Fatalf("encoder: %v\n%s", err, out.String())
		}
		if first := text(t, `#code-results li`); !strings.Contains(first, "I50.23") {
			t.Errorf("first result as typed: %q", first)
		}
		if err := chromedp.Do(ctx, chromedp.Click(css(`#code-results a`)), chromedp.WaitVisible(css(`.viewer h2`))); err != nil {
			t.Fatal(err)
		}
		wantAll(t, "code page", text(t, `.viewer`), "I50.23", "billable")
	})

	t.Run("show", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/codes?code=S72.001A"), chromedp.WaitVisible(css(`#code-seventh`))); err != nil {
			t.Fatal(err)
		}
		wantAll(t, "hierarchy", text(t, `#code-hierarchy`), "Chapter 19", "S70-S79 Injuries to the hip and thigh", "S72 Fracture of femur",
			"S72.0 Fracture of head and neck of femur", "S72.001 Fracture of unspecified part of neck of right femur", "S72.001A")
		// Notes inherited from the chapter, the category and the subcategory.
		wantAll(t, "notes", text(t, `#code-notes`), "Use additional code (at Chapter 19): code to identify any retained foreign body",
			"Excludes1 (at S72): traumatic amputation of hip and thigh", "Excludes2 (at S72.0): physeal fracture")
		wantAll(t, "7th characters", text(t, `#code-seventh`), "A initial encounter for closed fracture", "S sequela")
		wantAll(t, "validity", text(t, `#code-history`), "2024-10-01 – until superseded")
		wantAll(t, "code page", text(t, `.viewer`), "billable", "placeholder X")
	})

	t.Run("validate", func(t *testing.T) {
		err := chromedp.Do(ctx,
			chromedp.Navigate(base+"/codes/validate"), chromedp.WaitVisible(css(`#validate-form`)),
			chromedp.SetValue(css(`#codes`), "I50.2, S72.001"),
			chromedp.SetValue(css(`#date`), "2026-01-15"),
			chromedp.SetValue(css(`#age`), "81"),
			chromedp.SetValue(css(`#sex`), "F"),
			chromedp.Click(css(`#validate`)),
			chromedp.WaitVisible(css(`#problems`)),
		)
		if err != nil {
			t.Fatal(err)
		}
		header := text(t, `#problems tr[data-rule="header-code"]`)
		wantAll(t, "header-code problem", header, "I50.2", "header", "use a more specific code: I50.23")
		seventh := text(t, `#problems tr[data-rule="seventh-character"]`)
		wantAll(t, "7th-character problem", seventh, "S72.001", "needs a 7th character", "S72.001A (initial encounter for closed fracture)")
		err = chromedp.Do(ctx, chromedp.SetValue(css(`#codes`), "J18.9"), chromedp.Click(css(`#validate`)), chromedp.WaitVisible(css(`#validate-ok`)))
		if err != nil {
			t.Fatal(err)
		}
		wantAll(t, "clean code", text(t, `#validate-ok`), "J18.9", "pass every check on 2026-01-15")
	})

	t.Run("diff", func(t *testing.T) {
		err := chromedp.Do(ctx,
			// Start from a year compared with itself: nothing changed, no list.
			chromedp.Navigate(base+"/codes/diff?system=icd10cm&from=2026&to=2026"), chromedp.WaitVisible(css(`#diff-form`)),
			chromedp.SetValue(css(`#diff-from`), "2025"),
			chromedp.SetValue(css(`#diff-to`), "2026"),
			chromedp.Click(css(`#diff-compare`)),
			chromedp.WaitVisible(css(`#diff-list`)),
		)
		if err != nil {
			t.Fatal(err)
		}
		wantAll(t, "counts", text(t, `#diff-counts`), "icd10cm 2025 → 2026", "1 added", "1 deleted", "1 retitled")
		wantAll(t, "added", text(t, `#diff-list tr[data-change="added"]`), "I50.84", "End stage heart failure")
		wantAll(t, "deleted", text(t, `#diff-list tr[data-change="deleted"]`), "K35.80", "Unspecified acute appendicitis")
		wantAll(t, "retitled", text(t, `#diff-list tr[data-change="retitled"]`), "I50.9", "Heart failure, not otherwise specified", "Heart failure, unspecified")
		err = chromedp.Do(ctx, chromedp.Click(css(`#diff-counts a[data-change="deleted"]`)), chromedp.WaitNotPresent(css(`#diff-list tr[data-change="added"]`)),
			chromedp.WaitVisible(css(`#diff-list tr[data-change="deleted"]`)))
		if err != nil {
			t.Fatal(err)
		}
	})

	t.Run("PCS builder", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/codes"), chromedp.WaitVisible(css(`#pcs-start`)),
			chromedp.Click(css(`#pcs-start`)), chromedp.WaitVisible(css(`#pcs-step[data-pos="1"]`))); err != nil {
			t.Fatal(err)
		}
		// Each step offers only the values the tables allow after the
		// characters chosen so far.
		steps := []struct {
			axis   string
			offers []string
			choose string
		}{
			{"Section", []string{"0"}, "0"},
			{"Body System", []string{"D", "F"}, "D"},
			{"Operation", []string{"B", "T"}, "T"},
			{"Body Part", []string{"6", "J"}, "J"},
			{"Approach", []string{"0", "4"}, "4"}, // 3 Percutaneous is valid for 0DBJ, not 0DTJ
			{"Device", []string{"Z"}, "Z"},
			{"Qualifier", []string{"Z"}, "Z"},
		}
		for i, st := range steps {
			wantAll(t, fmt.Sprintf("step %d", i+1), text(t, `.viewer`), "Choose the "+st.axis, fmt.Sprintf("character %d of 7", i+1))
			attrs, err := chromedp.Run(ctx, chromedp.AttributesAll(chromedp.CSSAll(`#pcs-choices a`)))
			if err != nil {
				t.Fatal(err)
			}
			var offered []string
			for _, a := range attrs {
				offered = append(offered, a["data-char"])
			}
			if !slices.Equal(offered, st.offers) {
				t.Errorf("%s: offered %v, want %v", st.axis, offered, st.offers)
			}
			next := css(fmt.Sprintf(`#pcs-step[data-pos="%d"]`, i+2))
			if i == len(steps)-1 {
				next = css(`#code-axes`)
			}
			if err := chromedp.Do(ctx, chromedp.Click(css(fmt.Sprintf(`#pcs-choices a[data-char="%s"]`, st.choose))), chromedp.WaitVisible(next)); err != nil {
				t.Fatalf("choose %s %s: %v", st.axis, st.choose, err)
			}
		}
		wantAll(t, "built code", text(t, `.viewer h2`), "0DTJ4ZZ")
		wantAll(t, "PCS table row", text(t, `#code-axes`), "Section: 0 Medical and Surgical", "Body System: D Gastrointestinal System",
			"Operation: T Resection", "Cutting out or off, without replacement, all of a body part", "Body Part: J Appendix",
			"Approach: 4 Percutaneous Endoscopic", "Device: Z No Device", "Qualifier: Z No Qualifier")
	})
}

// saveCodeSet imports an ICD-10-CM order file of fiscal year fy into the
// code archive of a new data folder, as "chartroom codes import" would.
func saveCodeSet(t *testing.T, data string, fy int, orderFile string) {
	t.Helper()
	set, err := codeset.ImportReader(context.Background(), fmt.Sprintf("icd10cm_order_%d.txt", fy), strings.NewReader(orderFile), codeset.ImportOptions{Year: fy})
	if err != nil {
		t.Fatal(err)
	}
	saveRelease(t, data, set)
}

// saveCodeFiles imports release files of fiscal year fy (name → content;
// each recognised by its content) into the data folder's code archive as
// one release, as "chartroom codes import FILE…" would.
func saveCodeFiles(t *testing.T, data string, fy int, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	set, err := codeset.Import(context.Background(), paths, codeset.ImportOptions{Year: fy})
	if err != nil {
		t.Fatal(err)
	}
	saveRelease(t, data, set)
}

func saveRelease(t *testing.T, data string, set *codeset.Set) {
	t.Helper()
	pr, pw := io.Pipe()
	go func() { _, err := set.WriteTo(pw); pw.CloseWithError(err) }()
	st, err := storage.Open(context.Background(), storage.Config{DataDir: data, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.CodeArchive().SaveRelease(context.Background(), set.Meta(time.Now()), pr); err != nil {
		t.Fatal(err)
	}
}
