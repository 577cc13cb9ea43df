package cac

import (
	"regexp"
	"strings"
)

// A guarded is a case-insensitive pattern with the words one of which
// every match contains. A text that holds none of them is turned away
// without running the pattern: most phrases of a note hold no trigger, and
// a scan for a few words costs far less than the regexp's backtracking.
// Whitespace in a word matches any whitespace the pattern's \s would.
type guarded struct {
	re *regexp.Regexp
	// at is the pattern anchored at the start of its text, for a pattern
	// each match of which starts with one of the words (guardStart)
	at *regexp.Regexp
	// first has a bit for each byte a word starts with, and pairs a bit
	// for each hash of a word's first two bytes: most bytes of a text
	// start no word, and most of the rest are not followed by a word's
	// second byte. The 96 bytes stay in cache where the word lists' 6 KB
	// would not.
	first   [4]uint64
	single  [4]uint64 // the bytes that are a word of their own
	pairs   [8]uint64
	byFirst [256][]string // the words, lower case, by first byte
}

// pairBit is the bit of pairs for a word that starts with bytes a and b.
func pairBit(a, b byte) uint { return (uint(a)*31 + uint(b)) & 511 }

// guard compiles pattern, which must only match text that contains one of
// words (lower case), as a guarded pattern.
func guard(pattern string, words ...string) *guarded {
	g := &guarded{re: regexp.MustCompile(pattern)}
	for _, w := range words {
		c := w[0]
		g.first[c>>6] |= 1 << (c & 63)
		if len(w) == 1 {
			g.single[c>>6] |= 1 << (c & 63)
		} else {
			p := pairBit(c, w[1])
			g.pairs[p>>6] |= 1 << (p & 63)
		}
		g.byFirst[c] = append(g.byFirst[c], w)
	}
	return g
}

// guardStart is guard for a pattern each match of which starts with one
// of words, at a word boundary (`\bstart\s+…`, not `\w*start…`): such a
// pattern is tried only where one of them starts, not scanned for over a
// whole note (FindAllStartSubmatchIndex).
func guardStart(pattern string, words ...string) *guarded {
	g := guard(pattern, words...)
	g.at = regexp.MustCompile(`^(?:` + pattern + `)`)
	return g
}

// foldTable maps a byte to the byte it is compared as: ASCII letters to
// lower case, whitespace to a space.
var foldTable = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = byte(c) + 'a' - 'A'
	}
	for _, c := range "\t\n\v\f\r" {
		t[c] = ' '
	}
	return t
}()

// A textPrint is the bytes and the pairs of adjacent bytes a text holds,
// folded as foldTable folds them: one pass over a text that many guards
// are tried on rules most of them out (mayIn) without a pass of each.
type textPrint struct {
	bytes [4]uint64
	pairs [8]uint64
}

// printOf returns s's textPrint.
func printOf(s string) (p textPrint) {
	for i := 0; i < len(s); i++ {
		c := foldTable[s[i]]
		p.bytes[c>>6] |= 1 << (c & 63)
		if i+1 < len(s) {
			b := pairBit(c, foldTable[s[i+1]])
			p.pairs[b>>6] |= 1 << (b & 63)
		}
	}
	return p
}

// mayIn reports whether the text p was printed from may hold one of the
// words: false rules them out; true asks may.
func (g *guarded) mayIn(p *textPrint) bool {
	for k := range p.bytes {
		if g.single[k]&p.bytes[k] != 0 {
			return true
		}
	}
	for k := range p.pairs {
		if g.pairs[k]&p.pairs[k] != 0 {
			return true
		}
	}
	return false
}

// may reports whether s holds one of the words, so the pattern may match.
func (g *guarded) may(s string) bool { return g.index(s) >= 0 }

// index returns where the first of the words in s starts, or -1.
func (g *guarded) index(s string) int {
	for i := 0; i < len(s); i++ {
		c := foldTable[s[i]]
		if g.first[c>>6]&(1<<(c&63)) == 0 {
			continue
		}
		if g.single[c>>6]&(1<<(c&63)) != 0 {
			return i
		}
		if i+1 == len(s) {
			break // too short for a word of two bytes or more
		}
		if p := pairBit(c, foldTable[s[i+1]]); g.pairs[p>>6]&(1<<(p&63)) == 0 {
			continue
		}
		ws := g.byFirst[c]
	next:
		for _, w := range ws {
			if len(s)-i < len(w) {
				continue
			}
			for j := 1; j < len(w); j++ {
				if foldTable[s[i+j]] != w[j] {
					continue next
				}
			}
			return i
		}
	}
	return -1
}

func (g *guarded) MatchString(s string) bool { return g.may(s) && g.re.MatchString(s) }

func (g *guarded) FindStringIndex(s string) []int {
	if !g.may(s) {
		return nil
	}
	return g.re.FindStringIndex(s)
}

func (g *guarded) ReplaceAllString(s, repl string) string {
	if !g.may(s) {
		return s
	}
	return g.re.ReplaceAllString(s, repl)
}

func (g *guarded) ReplaceAllStringFunc(s string, repl func(string) string) string {
	if !g.may(s) {
		return s
	}
	return g.re.ReplaceAllStringFunc(s, repl)
}

func (g *guarded) FindStringSubmatchIndex(s string) []int {
	if !g.may(s) {
		return nil
	}
	return g.re.FindStringSubmatchIndex(s)
}

func (g *guarded) FindStringSubmatch(s string) []string {
	if !g.may(s) {
		return nil
	}
	return g.re.FindStringSubmatch(s)
}

func (g *guarded) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !g.may(s) {
		return nil
	}
	return g.re.FindAllStringSubmatchIndex(s, n)
}

func (g *guarded) FindAllStringIndex(s string, n int) [][]int {
	if !g.may(s) {
		return nil
	}
	return g.re.FindAllStringIndex(s, n)
}

// Split is regexp.Split: a text without a separator is its one piece.
func (g *guarded) Split(s string, n int) []string {
	if n != 0 && !g.may(s) {
		return []string{s}
	}
	return g.re.Split(s, n)
}

// The line methods are for a pattern no match of which crosses a line
// break, run over a whole note: only the lines that hold one of the words
// are searched, so a note costs a scan for the words and a run over a few
// of its lines instead of a run over all of it. A match found in a line
// alone is the match in the note, as the pattern would find it there: the
// edges of a line are no word characters to \b, as a text's ends are not
// (a pattern with ^ or $ would differ, and is not run by line).

// FindLineIndex is FindStringIndex, over the lines that may hold a match.
func (g *guarded) FindLineIndex(s string) []int {
	var out []int
	g.eachLine(s, func(start, end int) bool {
		if m := g.re.FindStringIndex(s[start:end]); m != nil {
			out = []int{start + m[0], start + m[1]}
			return false
		}
		return true
	})
	return out
}

// FindAllLineIndex is FindAllStringIndex(s, -1), over the lines that may
// hold a match.
func (g *guarded) FindAllLineIndex(s string) [][]int {
	var out [][]int
	g.eachLine(s, func(start, end int) bool {
		for _, m := range g.re.FindAllStringIndex(s[start:end], -1) {
			out = append(out, []int{start + m[0], start + m[1]})
		}
		return true
	})
	return out
}

// FindAllLineSubmatchIndex is FindAllStringSubmatchIndex(s, -1), over the
// lines that may hold a match.
func (g *guarded) FindAllLineSubmatchIndex(s string) [][]int {
	var out [][]int
	g.eachLine(s, func(start, end int) bool {
		for _, m := range g.re.FindAllStringSubmatchIndex(s[start:end], -1) {
			for i := range m {
				if m[i] >= 0 {
					m[i] += start
				}
			}
			out = append(out, m)
		}
		return true
	})
	return out
}

// eachLine calls f with the start and end (its newline, or the text's end)
// of each line of s that holds one of the words, in order, until f
// returns false.
func (g *guarded) eachLine(s string, f func(start, end int) bool) {
	for i := 0; i < len(s); {
		k := g.index(s[i:])
		if k < 0 {
			return
		}
		k += i
		start, end := strings.LastIndexByte(s[:k], '\n')+1, len(s)
		if j := strings.IndexByte(s[k:], '\n'); j >= 0 {
			end = k + j
		}
		if !f(start, end) {
			return
		}
		i = end + 1
	}
}

// FindAllStartSubmatchIndex is FindAllStringSubmatchIndex(s, -1) for a
// pattern made by guardStart: the anchored pattern is tried where one of
// its words starts after a word boundary, and the search goes on past
// each match, as FindAll's does. (A word inside another, "restart", is
// passed over: the pattern's \b would not hold there.)
func (g *guarded) FindAllStartSubmatchIndex(s string) [][]int {
	var out [][]int
	for i := 0; i < len(s); {
		k := g.index(s[i:])
		if k < 0 {
			break
		}
		k += i
		if k > 0 && (wordByte(s[k-1]) || s[k-1] == '_') {
			i = k + 1
			continue
		}
		m := g.at.FindStringSubmatchIndex(s[k:])
		if m == nil {
			i = k + 1
			continue
		}
		i = k + max(m[1], 1)
		for j := range m {
			if m[j] >= 0 {
				m[j] += k
			}
		}
		out = append(out, m)
	}
	return out
}
