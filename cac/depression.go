package cac

import (
	"regexp"
	"strings"
)

// depressionClauseEnd ends the clause that qualifies a depressive
// disorder: a dash, a semicolon, or a "but"/"so" that starts the
// clinician's reasoning ("…, currently moderate - not suicidal, so I would
// not call it severe").
var depressionClauseEnd = regexp.MustCompile(`\s[-–—]\s|;|\(|\bbut\b|\bso\b|\bwhich\b|\bwith no\b`)

// depressionAxes gives a major depressive disorder the episode and the
// severity its own clause states (F32 single episode, F33 recurrent;
// mild .0, moderate .1, severe .2, with psychotic features .3, in partial
// or full remission): "a recurrent episode of major depressive disorder,
// currently moderate in severity" is F33.1, not the index's F32.9.
func depressionAxes(out []Suggestion, note string, x *lookups, opt Options) {
	for i, s := range out {
		if !strings.HasPrefix(s.Code, "F32.") && !strings.HasPrefix(s.Code, "F33.") || strings.HasPrefix(s.Code, "F32.8") {
			continue
		}
		start := strings.LastIndexAny(note[:s.Start], ".\n") + 1
		end := min(len(note), s.End+60)
		if k := strings.IndexAny(note[s.End:end], ".\n"); k >= 0 {
			end = s.End + k
		}
		before, after := strings.ToLower(note[start:s.Start]), strings.ToLower(note[s.End:end])
		if m := depressionClauseEnd.FindStringIndex(after); m != nil {
			after = after[:m[0]]
		}
		if k := strings.LastIndexAny(before, ";:"); k >= 0 {
			before = before[k+1:]
		}
		ctx := before + " " + strings.ToLower(s.Evidence) + " " + after
		recurrent := strings.Contains(ctx, "recurrent")
		single := strings.Contains(ctx, "single episode")
		if !recurrent && !single {
			continue
		}
		sev := ""
		switch {
		case strings.Contains(ctx, "full remission") || strings.Contains(ctx, "fully remitted"):
			sev = "remission full"
		case strings.Contains(ctx, "partial remission") || strings.Contains(ctx, "partially remitted"):
			sev = "remission partial"
		case strings.Contains(ctx, "with psychotic") || strings.Contains(ctx, "psychotic features") && !strings.Contains(ctx, "without psychotic"):
			sev = "3"
		case strings.Contains(ctx, "severe") && !strings.Contains(ctx, "not severe"):
			sev = "2"
		case strings.Contains(ctx, "moderate"):
			sev = "1"
		case strings.Contains(ctx, "mild"):
			sev = "0"
		}
		code := ""
		switch {
		case recurrent && sev == "remission full":
			code = "F33.42"
		case recurrent && sev == "remission partial":
			code = "F33.41"
		case recurrent && sev != "":
			code = "F33." + sev
		case recurrent:
			code = "F33.9"
		case sev == "remission full":
			code = "F32.5"
		case sev == "remission partial":
			code = "F32.4"
		case sev != "":
			code = "F32." + sev
		default:
			code = "F32.9"
		}
		if code != s.Code {
			recode(&out[i], code, "major depressive disorder: episode and severity", x, opt)
		}
	}
}
