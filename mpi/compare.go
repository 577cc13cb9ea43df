package mpi

import "strings"

// norm folds a name or address part for comparison: upper-case ASCII letters
// and digits, runs of anything else collapsed to one space, trimmed.
// Accented Latin letters lose their accents.
func norm(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case r >= 0xC0 && r <= 0x17F:
			r = foldAccent(r)
			if r == 0 {
				continue
			}
		case r == '\'' || r == '.':
			continue // O'Brien → OBRIEN, St. → ST
		default:
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// letters keeps only the letters of a normalised string.
func letters(s string) string {
	if strings.IndexByte(s, ' ') < 0 && strings.IndexAny(s, "0123456789") < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b = append(b, c)
		}
	}
	return string(b)
}

// digits keeps only the digits of s.
func digits(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b)
}

func foldAccent(r rune) rune {
	const from = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ"
	const to = "AAAAAAAAAAAACCEEEEEEEEIIIIIIIINNOOOOOOOOOOOOUUUUUUUUYYY"
	i := 0
	for _, f := range from {
		if f == r {
			return rune(to[i])
		}
		i++
	}
	return 0
}

// JaroWinkler returns the Jaro–Winkler similarity of a and b, from 0 (no
// likeness) to 1 (equal), with the usual prefix scale of 0.1 over at most
// four characters. It works on bytes: callers pass normalised ASCII.
func JaroWinkler(a, b string) float64 {
	if a == b {
		if a == "" {
			return 0
		}
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	if la > lb {
		a, b = b, a
		la, lb = lb, la
	}
	window := lb/2 - 1
	if window < 0 {
		window = 0
	}
	var fa, fb [64]bool
	var ma, mb []bool
	if lb <= 64 {
		ma, mb = fa[:la], fb[:lb]
	} else {
		ma, mb = make([]bool, la), make([]bool, lb)
	}
	m := 0
	for i := 0; i < la; i++ {
		lo, hi := i-window, i+window+1
		if lo < 0 {
			lo = 0
		}
		if hi > lb {
			hi = lb
		}
		for j := lo; j < hi; j++ {
			if !mb[j] && a[i] == b[j] {
				ma[i], mb[j] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, k := 0, 0
	for i := 0; i < la; i++ {
		if !ma[i] {
			continue
		}
		for !mb[k] {
			k++
		}
		if a[i] != b[k] {
			t++
		}
		k++
	}
	fm := float64(m)
	jaro := (fm/float64(la) + fm/float64(lb) + (fm-float64(t)/2)/fm) / 3
	p := 0
	for p < 4 && p < la && a[p] == b[p] {
		p++
	}
	return jaro + float64(p)*0.1*(1-jaro)
}

// withinOneEdit reports whether a and b differ by at most one substitution,
// insertion, deletion, or a swap of two adjacent characters (the typist's
// errors).
func withinOneEdit(a, b string) bool {
	la, lb := len(a), len(b)
	if la < lb {
		a, b, la, lb = b, a, lb, la
	}
	if la-lb > 1 {
		return false
	}
	i := 0
	for i < lb && a[i] == b[i] {
		i++
	}
	if i == lb {
		return true
	}
	if la == lb {
		if a[i+1:] == b[i+1:] {
			return true // substitution
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // transposition
	}
	return a[i+1:] == b[i:] // deletion
}

// NYSIIS returns the New York State Identification and Intelligence System
// phonetic key of a name (the original 1970 algorithm, not truncated), so
// that "Catherine" and "Kathryn" meet. The name is normalised first.
func NYSIIS(name string) string { return nysiis(letters(norm(name))) }

func isVowel(c byte) bool { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' }

// nysiis computes the key of a string of upper-case letters.
func nysiis(s string) string {
	if s == "" {
		return ""
	}
	w := []byte(s)
	switch {
	case hasPrefix(w, "MAC"):
		copy(w, "MCC")
	case hasPrefix(w, "KN"):
		copy(w, "NN")
	case w[0] == 'K':
		w[0] = 'C'
	case hasPrefix(w, "PH"), hasPrefix(w, "PF"):
		copy(w, "FF")
	case hasPrefix(w, "SCH"):
		copy(w, "SSS")
	}
	if n := len(w); n >= 2 {
		switch string(w[n-2:]) {
		case "EE", "IE":
			w = append(w[:n-2], 'Y')
		case "DT", "RT", "RD", "NT", "ND":
			w = append(w[:n-2], 'D')
		}
	}
	key := make([]byte, 1, len(w))
	key[0] = w[0]
	for i := 1; i < len(w); i++ {
		c := w[i]
		switch {
		case c == 'E' && i+1 < len(w) && w[i+1] == 'V':
			w[i], w[i+1] = 'A', 'F'
		case isVowel(c):
			w[i] = 'A'
		case c == 'Q':
			w[i] = 'G'
		case c == 'Z':
			w[i] = 'S'
		case c == 'M':
			w[i] = 'N'
		case c == 'K':
			if i+1 < len(w) && w[i+1] == 'N' {
				w[i] = 'N'
			} else {
				w[i] = 'C'
			}
		case c == 'S' && i+2 < len(w) && w[i+1] == 'C' && w[i+2] == 'H':
			w[i], w[i+1], w[i+2] = 'S', 'S', 'S'
		case c == 'P' && i+1 < len(w) && w[i+1] == 'H':
			w[i], w[i+1] = 'F', 'F'
		case c == 'H' && (!isVowel(w[i-1]) || i+1 >= len(w) || !isVowel(w[i+1])):
			w[i] = w[i-1]
		case c == 'W' && isVowel(w[i-1]):
			w[i] = w[i-1]
		}
		if w[i] != key[len(key)-1] {
			key = append(key, w[i])
		}
	}
	if n := len(key); n > 1 && key[n-1] == 'S' {
		key = key[:n-1]
	}
	if n := len(key); n > 2 && key[n-2] == 'A' && key[n-1] == 'Y' {
		key = append(key[:n-2], 'Y')
	}
	if n := len(key); n > 1 && key[n-1] == 'A' {
		key = key[:n-1]
	}
	return string(key)
}

func hasPrefix(b []byte, p string) bool { return len(b) >= len(p) && string(b[:len(p)]) == p }

// streetWords maps common street-type and direction abbreviations to one
// spelling, so "12 Main St." and "12 main street" agree.
var streetWords = map[string]string{
	"ST": "STREET", "STR": "STREET", "RD": "ROAD", "AVE": "AVENUE", "AV": "AVENUE", "BLVD": "BOULEVARD",
	"DR": "DRIVE", "LN": "LANE", "CT": "COURT", "CRT": "COURT", "PL": "PLACE", "CIR": "CIRCUIT", "CCT": "CIRCUIT",
	"CRES": "CRESCENT", "CR": "CRESCENT", "HWY": "HIGHWAY", "PDE": "PARADE", "TCE": "TERRACE", "TER": "TERRACE",
	"PKWY": "PARKWAY", "SQ": "SQUARE", "CL": "CLOSE", "GR": "GROVE", "WY": "WAY", "TRL": "TRAIL",
	"N": "NORTH", "S": "SOUTH", "E": "EAST", "W": "WEST", "NE": "NORTHEAST", "NW": "NORTHWEST", "SE": "SOUTHEAST", "SW": "SOUTHWEST",
	"APT": "UNIT", "STE": "UNIT", "SUITE": "UNIT", "FL": "FLOOR",
}

// normStreet normalises a street line: words folded and abbreviations
// expanded.
func normStreet(s string) string {
	s = norm(s)
	if s == "" {
		return ""
	}
	words := strings.Split(s, " ")
	changed := false
	for i, w := range words {
		if full, ok := streetWords[w]; ok {
			words[i] = full
			changed = true
		}
	}
	if !changed {
		return s
	}
	return strings.Join(words, " ")
}
