package codeset

import "strings"

// stopWords carry no meaning for search. "with" is common in titles and in
// queries alike; "unspecified", "other" and friends are handled as weak words.
var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "or": true, "the": true, "of": true, "in": true, "on": true,
	"to": true, "for": true, "by": true, "at": true, "as": true, "from": true, "with": true, "w": true,
	"is": true, "into": true, "than": true, "its": true, "be": true, "s": true,
}

// weakWords may be absent from a query without lowering a title's
// precision: "unspecified", "other", "initial encounter" and the like.
var weakWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`unspecified other nos nec site specified part type classified elsewhere
		condition disease approach initial encounter sequela subsequent without complications due underlying
		left right bilateral unilateral open closed displaced routine healing use not
		accidental unintentional`) {
		m[stem(w)] = true
	}
	return m
}()

// vagueWords say little about what is wanted and weigh little in a query.
var vagueWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`unspecified other nos nec site specified part classified elsewhere condition disease due a`) {
		m[stem(w)] = true
	}
	return m
}()

// tokenize splits text into lower-case words of letters and digits, drops
// possessive 's and stop words, and stems each word.
func tokenize(s string, keepStop bool) []string {
	out := splitWords(s, keepStop)
	for i, w := range out {
		out[i] = stem(w)
	}
	return out
}

// appendTokens appends tokenize(s, false) to buf: the index build reads
// some 400,000 texts through one buffer instead of a new slice each.
func appendTokens(buf []string, s string) []string {
	n := len(buf)
	buf = appendWords(buf, s, false)
	for i := n; i < len(buf); i++ {
		buf[i] = stem(buf[i])
	}
	return buf
}

// splitWords is tokenize without the stemming: the words as written.
func splitWords(s string, keepStop bool) []string {
	return appendWords(nil, s, keepStop)
}

// letterNamed are the words a letter names a kind of: "hepatitis A" is
// B15.9, not the unspecified hepatitis the article's "a" would leave;
// "vitamin A", "group A streptococcus".
var letterNamed = map[string]bool{"hepatitis": true, "vitamin": true, "group": true}

// appendWords appends splitWords(s, keepStop) to out.
func appendWords(out []string, s string, keepStop bool) []string {
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "'s", "")
	s = strings.ReplaceAll(s, "’s", "")
	start := -1
	prev := "" // the word before, kept or not
	flush := func(end int) {
		if start >= 0 {
			w := s[start:end]
			if keepStop || !stopWords[w] || w == "a" && letterNamed[prev] {
				out = append(out, w)
			}
			prev = w
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return out
}

// stem is a light English stemmer: plurals, -ed, -ing and a final e, enough
// to make "fractures", "fractured" and "fracture" one word.
func stem(w string) string {
	n := len(w)
	if n <= 3 || isDigits(w[:1]) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		w = w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:n-2]
	case strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes"):
		w = w[:n-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "as"):
		w = w[:n-1]
	case n > 5 && (strings.HasSuffix(w, "ias") || strings.HasSuffix(w, "omas")):
		// "paresthesias", "arrhythmias", "hematomas": the plural of a
		// noun in -ia or -oma (a word in -as is otherwise singular:
		// "pancreas")
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case strings.HasSuffix(w, "ing") && n > 6:
		w = w[:n-3]
	case strings.HasSuffix(w, "ed") && n > 5 && !strings.HasSuffix(w, "eed"):
		w = w[:n-2]
	}
	n = len(w)
	if n > 4 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	if n = len(w); n > 4 && w[n-1] == w[n-2] && w[n-1] != 'l' && w[n-1] != 's' && w[n-1] != 'z' {
		w = w[:n-1] // "stopp" → "stop"
	}
	return w
}

// damerau returns the optimal string alignment distance between a and b,
// giving up (returning max+1) once it exceeds max.
func damerau(a, b string, max int) int {
	la, lb := len(a), len(b)
	if la-lb > max || lb-la > max {
		return max + 1
	}
	var rows [3][32]int
	if lb >= 31 {
		return max + 1
	}
	prev2, prev, cur := rows[0][:lb+1], rows[1][:lb+1], rows[2][:lb+1]
	for j := 0; j <= lb; j++ {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}

// joinShorthand writes the clinical shorthand of two single letters around
// a slash or an ampersand ("s/p", "h/o", "w/o", "i&d") as one word ("sp"),
// as the synonym list names it; split, its letters would be lost among the
// stop words or read as two meaningless words.
func joinShorthand(s string) string {
	letter := func(i int) bool {
		return i >= 0 && i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z')
	}
	// the pair stands alone: no letter, digit or further slash beside it
	alone := func(i int) bool {
		return i < 0 || i >= len(s) || !letter(i) && !(s[i] >= '0' && s[i] <= '9') && s[i] != '/' && s[i] != '&'
	}
	for i := 1; i+1 < len(s); i++ {
		if (s[i] == '/' || s[i] == '&') && letter(i-1) && letter(i+1) && alone(i-2) && alone(i+2) {
			s = s[:i] + s[i+1:]
		}
	}
	return s
}
