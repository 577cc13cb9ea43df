package codeset

import (
	"cmp"
	_ "embed"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed synonyms.txt
var defaultSynonyms string

// DefaultSynonyms returns the embedded synonym and abbreviation list, in the
// format ParseSynonyms reads.
func DefaultSynonyms() string { return defaultSynonyms }

// docKind says where a searchable text came from.
type docKind uint8

const (
	docTitle docKind = iota + 1
	docInclusion
	docIndex
	docExternal
	docDrug
	docNeoplasm
	docShort
)

var docKindNames = [...]string{"", "title", "inclusion term", "index", "external cause index", "drug table", "neoplasm table", "short title"}
var docKindWeight = [...]float32{0, 1.0, 0.93, 1.0, 0.97, 0.97, 0.97, 0.9}

// via says how a searchable text reaches a code.
type via uint8

const (
	viaDirect      via = iota // the text belongs to the code
	viaDefault                // an index term's own code
	viaDescendant             // a valid code beneath the index (or header) code
	viaReplacement            // a replacement found through the GEMs or a valid ancestor
)

var viaWeight = [...]float32{1.0, 1.08, 0.95, 0.85}
var viaNames = [...]string{"", "the index's code for this term", "a valid code beneath the index code %s", "a replacement for index code %s, not valid in this release"}

type target struct {
	code uint32 // global code id
	from uint32 // index into Searcher.from: the index code followed
	via  via
}

type sdoc struct {
	kind     docKind
	text     string
	tokS     uint32 // toks[tokS:tokE] distinct term ids
	tokE     uint32
	tgtS     uint32
	tgtE     uint32
	essLen   uint16  // essential (not weak, not nonessential-modifier) terms
	nemodCut uint16  // toks[tokS:tokS+nemodCut] are essential, the rest nonessential
	bound    float32 // length factor × best via weight: the most the doc can score beyond match
}

// docMeta is what the first scoring pass needs of a document, packed so
// that touching thousands of documents stays in cache.
type docMeta struct {
	bound  float32
	essLen uint16
	kind   docKind
}

// title flags for coding defaults
const (
	flagUnspecified uint8 = 1 << iota
	flagOther
	flagWithout
	flagSubsequent
	flagSequela
)

type gcode struct {
	sys  System
	code string
}

// Searcher is an in-memory search index over a Set: an inverted index of
// stemmed words over code titles, inclusion terms and index paths, with
// synonym expansion, edit-distance correction and code-prefix lookup.
type Searcher struct {
	set      *Set
	vocab    map[string]uint32
	terms    []string
	postings [][]uint32
	docs     []sdoc
	toks     []uint32
	targets  []target
	codes    []gcode
	sorted   []uint32 // term ids in string order, for prefixes
	dels     []delEnt
	syn      map[string][][]string
	synMax   int
	weak     []bool               // by term id
	meta     []docMeta            // compact copy of each doc's scoring fields
	impact   map[uint32][]uint32  // long posting lists cut to their capDocs best documents
	flags    []uint8              // per code: title words that steer coding defaults
	entryIdx map[*Release][]int32 // per release: code id → entry index, -1 absent
	from     []string
	fromID   map[string]uint32
	pool     sync.Pool
}

type delEnt struct {
	h    uint64
	term uint32
}

// Searcher returns the Set's search index, building it on first use with
// the embedded synonym list.
func (s *Set) Searcher() *Searcher {
	s.srchOnce.Do(func() { s.searcher = NewSearcher(s, defaultSynonyms) })
	return s.searcher
}

// ParseSynonyms reads a synonym list: "typed words = expansion | expansion"
// per line, # comments. It returns a map from the stemmed typed words
// (joined by spaces) to the stemmed expansions.
func ParseSynonyms(text string) (map[string][][]string, error) {
	m := map[string][][]string{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		lhs, rhs, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("synonyms line %d: want \"words = expansion | expansion\"", i+1)
		}
		key := strings.Join(tokenize(lhs, false), " ")
		if key == "" {
			continue
		}
		for _, alt := range strings.Split(rhs, "|") {
			t := tokenize(alt, false)
			if len(t) > 0 {
				m[key] = append(m[key], t)
			}
		}
	}
	return m, nil
}

// NewSearcher builds the search index of s with the given synonym list.
func NewSearcher(s *Set, synonyms string) *Searcher {
	s.prepare()
	x := &Searcher{set: s, vocab: map[string]uint32{}, fromID: map[string]uint32{}}
	x.docs = make([]sdoc, 0, 400000)
	x.toks = make([]uint32, 0, 2500000)
	x.targets = make([]target, 0, 700000)
	x.syn, _ = ParseSynonyms(synonyms)
	for k := range x.syn {
		if n := strings.Count(k, " ") + 1; n > x.synMax {
			x.synMax = n
		}
	}
	// codes: the union of every release, titled by the newest
	latest := map[System]*Release{}
	for _, r := range s.Releases {
		latest[r.System] = r
	}
	// per system, the sorted union of the codes of every release
	for _, sys := range Systems {
		var all []string
		for _, r := range s.Releases {
			if r.System == sys {
				for i := range r.Entries {
					all = append(all, r.Entries[i].Code)
				}
			}
		}
		slices.Sort(all)
		all = slices.Compact(all)
		for _, c := range all {
			x.codes = append(x.codes, gcode{sys, c})
		}
	}
	titleOf := func(g gcode) *Entry {
		for i := len(s.Releases) - 1; i >= 0; i-- {
			if r := s.Releases[i]; r.System == g.sys {
				if e := r.lookup(g.code); e != nil {
					return e
				}
			}
		}
		return nil
	}
	var tmp []uint32
	addDoc := func(kind docKind, text, nemod string, tg []target) {
		if len(tg) == 0 {
			return
		}
		tmp = tmp[:0]
		has := func(id uint32) bool {
			for _, t := range tmp {
				if t == id {
					return true
				}
			}
			return false
		}
		ess := 0
		for _, w := range tokenize(text, false) {
			id := x.term(w)
			if !has(id) {
				tmp = append(tmp, id)
				if !weakWords[w] {
					ess++
				}
			}
		}
		cut := len(tmp)
		for _, w := range tokenize(nemod, false) {
			id := x.term(w)
			if !has(id) {
				tmp = append(tmp, id)
			}
		}
		if len(tmp) == 0 {
			return
		}
		bestVia := float32(0)
		for _, t := range tg {
			bestVia = max(bestVia, viaWeight[t.via])
		}
		d := sdoc{kind: kind, text: text, tokS: uint32(len(x.toks)), essLen: uint16(ess), nemodCut: uint16(cut),
			bound: bestVia * lengthFactor(ess, cut)}
		x.toks = append(x.toks, tmp...)
		d.tokE = uint32(len(x.toks))
		d.tgtS = uint32(len(x.targets))
		x.targets = append(x.targets, tg...)
		d.tgtE = uint32(len(x.targets))
		id := uint32(len(x.docs))
		x.docs = append(x.docs, d)
		_ = id
	}
	for id, g := range x.codes {
		e := titleOf(g)
		tg := []target{{code: uint32(id)}}
		addDoc(docTitle, e.Title(), "", tg)
		if (g.sys == CPT || g.sys == HCPCS) && e.Short != "" && e.Short != e.Long {
			addDoc(docShort, e.Short, "", tg)
		}
	}
	cm := latest[ICD10CM]
	if s.Tabular != nil && cm != nil {
		for _, d := range s.Tabular.Diags {
			for _, n := range d.Notes {
				if n.Kind == NoteInclusion {
					addDoc(docInclusion, n.Text, "", x.resolve(cm, d.Code, viaDirect))
				}
			}
		}
	}
	if s.Index != nil && cm != nil {
		seePath := map[string]string{}
		for _, t := range s.Index.Terms {
			if t.Code != "" && t.Kind == IndexDisease {
				k := strings.ToLower(strings.Join(t.Path, ", "))
				if _, ok := seePath[k]; !ok {
					seePath[k] = t.Code
				}
				// "see Fracture, femur, neck" names the main term
				// "Fracture, traumatic" by its first word only
				if main, _, cut := strings.Cut(t.Path[0], ","); cut {
					p := append([]string{main}, t.Path[1:]...)
					k := strings.ToLower(strings.Join(p, ", "))
					if _, ok := seePath[k]; !ok {
						seePath[k] = t.Code
					}
				}
			}
		}
		for i := range s.Index.Terms {
			t := &s.Index.Terms[i]
			code := t.Code
			if code == "" && t.See != "" {
				code = seePath[strings.ToLower(strings.TrimSpace(t.See))]
			}
			if code == "" {
				continue
			}
			kind := docIndex
			switch t.Kind {
			case IndexExternal:
				kind = docExternal
			case IndexDrug:
				kind = docDrug
			case IndexNeoplasm:
				kind = docNeoplasm
			}
			// "Asthma, asthmatic": the forms after the main term's
			// first comma are alternatives, not further words
			main, alts := splitMainTerm(t.Path[0])
			text := strings.Join(append([]string{main}, t.Path[1:]...), " ")
			if t.Column != "" {
				text += " " + t.Column
			}
			addDoc(kind, text, t.Nemod+" "+alts, x.resolve(cm, code, viaDefault))
		}
	}
	x.meta = make([]docMeta, len(x.docs))
	for i := range x.docs {
		d := &x.docs[i]
		x.meta[i] = docMeta{bound: d.bound, essLen: d.essLen, kind: d.kind}
	}
	x.flags = make([]uint8, len(x.codes))
	for id, g := range x.codes {
		t := strings.ToLower(titleOf(g).Title())
		var f uint8
		if strings.Contains(t, "unspecified") {
			f |= flagUnspecified
		}
		if strings.HasPrefix(t, "other ") {
			f |= flagOther
		}
		if strings.Contains(t, "without") {
			f |= flagWithout
		}
		if strings.Contains(t, "subsequent encounter") {
			f |= flagSubsequent
		}
		if strings.Contains(t, "sequela") {
			f |= flagSequela
		}
		x.flags[id] = f
	}
	x.entryIdx = map[*Release][]int32{}
	for _, r := range s.Releases {
		idx := make([]int32, len(x.codes))
		for i := range idx {
			idx[i] = -1
		}
		for i := range r.Entries {
			if id, ok := x.codeIndex(r.System, r.Entries[i].Code); ok {
				idx[id] = int32(i)
			}
		}
		x.entryIdx[r] = idx
	}
	// postings in one backing array, counted first
	counts := make([]uint32, len(x.terms))
	for _, t := range x.toks {
		counts[t]++
	}
	flat := make([]uint32, len(x.toks))
	off := uint32(0)
	for t, c := range counts {
		x.postings[t] = flat[off : off : off+c]
		off += c
	}
	for id := range x.docs {
		d := &x.docs[id]
		for _, t := range x.toks[d.tokS:d.tokE] {
			x.postings[t] = append(x.postings[t], uint32(id))
		}
	}
	x.impact = map[uint32][]uint32{}
	for t, p := range x.postings {
		if len(p) <= capDocs {
			continue
		}
		imp := slices.Clone(p)
		slices.SortStableFunc(imp, func(a, b uint32) int { return cmp.Compare(x.staticQuality(b), x.staticQuality(a)) })
		x.impact[uint32(t)] = imp[:capDocs:capDocs]
	}
	// term order for prefixes, weak flags, deletion index for misspellings
	x.sorted = make([]uint32, len(x.terms))
	x.weak = make([]bool, len(x.terms))
	for i := range x.sorted {
		x.sorted[i] = uint32(i)
		x.weak[i] = weakWords[x.terms[i]]
	}
	sort.Slice(x.sorted, func(i, j int) bool { return x.terms[x.sorted[i]] < x.terms[x.sorted[j]] })
	var hs []uint64
	x.dels = make([]delEnt, 0, 48*len(x.terms))
	for id, w := range x.terms {
		if len(w) < 4 || isDigits(w[:1]) {
			continue
		}
		d := 1
		if len(w) >= 7 {
			d = 2
		}
		hs = deleteHashes(w, d, hs[:0])
		for _, h := range hs {
			x.dels = append(x.dels, delEnt{h, uint32(id)})
		}
	}
	slices.SortFunc(x.dels, func(a, b delEnt) int { return cmp.Compare(a.h, b.h) })
	x.fromID = nil
	x.pool.New = func() any { return &scratch{pos: make([]int32, len(x.docs)), cpos: make([]int32, len(x.codes))} }
	return x
}

func (x *Searcher) term(w string) uint32 {
	if id, ok := x.vocab[w]; ok {
		return id
	}
	id := uint32(len(x.terms))
	x.vocab[w] = id
	x.terms = append(x.terms, w)
	x.postings = append(x.postings, nil)
	return id
}

// codeIndex finds the global id of a code.
func (x *Searcher) codeIndex(sys System, c string) (uint32, bool) {
	i := sort.Search(len(x.codes), func(i int) bool {
		g := x.codes[i]
		return g.sys > sys || (g.sys == sys && g.code >= c)
	})
	if i < len(x.codes) && x.codes[i].sys == sys && x.codes[i].code == c {
		return uint32(i), true
	}
	return 0, false
}

// splitMainTerm separates a main term's alternative word forms ("Asthma,
// asthmatic", "Disease, diseased") from the term; a qualifier after the
// comma ("Fracture, pathological") stays part of it.
func splitMainTerm(t string) (main, alts string) {
	m, rest, ok := strings.Cut(t, ",")
	if !ok {
		return t, ""
	}
	mw := strings.ToLower(strings.TrimSpace(m))
	for _, w := range strings.Fields(strings.ToLower(rest)) {
		w = strings.Trim(w, "()")
		n := 0
		for n < len(w) && n < len(mw) && w[n] == mw[n] {
			n++
		}
		if n < 4 {
			return t, ""
		}
	}
	return m, rest
}

// resolve turns an index or tabular code into the codes it leads to in the
// newest release: itself, its billable descendants when it is a header or
// no longer exists, or a replacement found through the GEMs or its nearest
// valid ancestor. Validity on the date of service is checked at query time.
func (x *Searcher) resolve(r *Release, code string, own via) []target {
	var out []target
	add := func(c string, v via) {
		if id, ok := x.codeIndex(ICD10CM, c); ok {
			f, ok := x.fromID[code]
			if !ok {
				f = uint32(len(x.from))
				x.fromID[code] = f
				x.from = append(x.from, code)
			}
			out = append(out, target{code: id, via: v, from: f})
		}
	}
	add(code, own)
	if e := r.lookup(code); e != nil && e.Billable {
		return out
	}
	const maxDesc = 60
	n := 0
	for _, d := range r.descendants(code) {
		if d.Billable && n < maxDesc {
			add(d.Code, viaDescendant)
			n++
		}
	}
	if n > 0 {
		return out
	}
	// no longer in the release: the GEMs round trip, then the nearest ancestor
	x.set.prepare()
	seen := map[string]bool{}
	for _, gi := range x.set.gemIdx[string('0'+byte(GEMDx10to9))+code] {
		for _, bi := range x.set.gemIdx[string('0'+byte(GEMDx9to10))+x.set.GEMs[gi].Target] {
			t := x.set.GEMs[bi].Target
			if e := r.lookup(t); e != nil && e.Billable && !seen[t] {
				seen[t] = true
				add(t, viaReplacement)
			}
		}
	}
	if len(seen) > 0 {
		return out
	}
	for p := len(code) - 1; p >= 3; p-- {
		anc := code[:p]
		if e := r.lookup(anc); e != nil {
			if e.Billable {
				add(anc, viaReplacement)
				return out
			}
			k := 0
			for _, d := range r.descendants(anc) {
				if d.Billable && k < 20 {
					add(d.Code, viaReplacement)
					k++
				}
			}
			return out
		}
	}
	return out
}

// hash is FNV-1a over a string.
func hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// forDeletes calls fn with w and every string made by deleting up to d of its
// letters (duplicates possible).
func forDeletes(w string, d int, fn func(string)) {
	fn(w)
	if d == 0 || len(w) <= 1 {
		return
	}
	for i := 0; i < len(w); i++ {
		v := w[:i] + w[i+1:]
		fn(v)
		if d > 1 && len(v) > 2 {
			for j := i; j < len(v); j++ {
				fn(v[:j] + v[j+1:])
			}
		}
	}
}

// deleteHashes appends the hashes of w and of every string made by deleting
// up to d of its letters, without duplicates, building no strings.
func deleteHashes(w string, d int, out []uint64) []uint64 {
	var buf [64]byte
	start := len(out)
	if len(w) > len(buf) {
		return out
	}
	out = append(out, hash(w))
	for i := 0; i < len(w) && d > 0; i++ {
		n := copy(buf[:], w[:i])
		n += copy(buf[n:], w[i+1:])
		out = append(out, hashBytes(buf[:n]))
		if d > 1 && n > 2 {
			var b2 [64]byte
			for j := i; j < n; j++ {
				m := copy(b2[:], buf[:j])
				m += copy(b2[m:], buf[j+1:n])
				out = append(out, hashBytes(b2[:m]))
			}
		}
	}
	seg := out[start:]
	slices.Sort(seg)
	seg = slices.Compact(seg)
	return out[:start+len(seg)]
}

// fuzzy returns vocabulary terms within the allowed edit distance of w.
func (x *Searcher) fuzzy(w string) []fuzzyHit {
	max := 0
	switch {
	case len(w) >= 7:
		max = 2
	case len(w) >= 4:
		max = 1
	default:
		return nil
	}
	var out []fuzzyHit
	seen := map[uint32]bool{}
	forDeletes(w, max, func(v string) {
		h := hash(v)
		i := sort.Search(len(x.dels), func(i int) bool { return x.dels[i].h >= h })
		for ; i < len(x.dels) && x.dels[i].h == h; i++ {
			t := x.dels[i].term
			if seen[t] {
				continue
			}
			seen[t] = true
			if d := damerau(w, x.terms[t], max); d <= max && d > 0 {
				out = append(out, fuzzyHit{t, d})
			}
		}
	})
	sort.Slice(out, func(i, j int) bool {
		if out[i].dist != out[j].dist {
			return out[i].dist < out[j].dist
		}
		return len(x.postings[out[i].term]) > len(x.postings[out[j].term])
	})
	if len(out) > 6 {
		out = out[:6]
	}
	return out
}

type fuzzyHit struct {
	term uint32
	dist int
}

// prefixTerms returns up to n vocabulary terms that start with p, most
// frequent first.
func (x *Searcher) prefixTerms(p string, n int) []uint32 {
	i := sort.Search(len(x.sorted), func(i int) bool { return x.terms[x.sorted[i]] >= p })
	var out []uint32
	for ; i < len(x.sorted) && strings.HasPrefix(x.terms[x.sorted[i]], p); i++ {
		if x.terms[x.sorted[i]] != p {
			out = append(out, x.sorted[i])
		}
	}
	sort.Slice(out, func(a, b int) bool { return len(x.postings[out[a]]) > len(x.postings[out[b]]) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// SearchOptions narrow a search.
type SearchOptions struct {
	Systems []System // empty: every loaded system
	Date    Date     // date of service; zero: each system's newest release
	Limit   int      // zero: 20
	Explain bool     // fill Result.Explain

	query string // lower-cased query, set by Search
}

// Result is one code offered by Search.
type Result struct {
	System   System   `json:"system"`
	Code     string   `json:"code"` // as published: "I21.9", "0DTJ4ZZ"
	Title    string   `json:"title"`
	Score    float64  `json:"score"`
	Billable bool     `json:"billable"`
	Matched  string   `json:"matched"` // the text that matched best
	Source   string   `json:"source"`  // "title", "index", "inclusion term", …
	Explain  []string `json:"explain,omitempty"`
}

// alt is one way to satisfy a query slot: all its terms must be present.
type alt struct {
	terms  []uint32
	weight float32
	why    string
	post   []uint32
}

// slot is one concept of the query (a word or a phrase with its synonyms).
type slot struct {
	text string
	alts []alt
	idf  float32
}

type scratch struct {
	cut     []uint32
	sel     []int32
	pos     []int32 // doc → index into acc, -1 … stored +1
	acc     []docAcc
	cpos    []int32
	cand    []cand
	touched []uint32
}

type docAcc struct {
	doc  uint32
	w    [maxSlots]float32
	nt   [maxSlots]uint8
	mask uint32
}

type cand struct {
	code  uint32
	score float32
	doc   uint32
	tg    uint32
}

const maxSlots = 10

var codeLikeRE = regexp.MustCompile(`^[A-Za-z0-9]{1,3}[0-9][A-Za-z0-9.]*$|^[0-9][A-Za-z0-9]{2,6}$`)

// looksLikeCode reports whether a query word is a code or code prefix
// ("E11.2", "0DT", "99213", "J1100") rather than a word.
func looksLikeCode(w string) bool {
	if len(w) < 3 || len(w) > 8 || !codeLikeRE.MatchString(w) {
		return false
	}
	hasDigit, hasLetter := false, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= '0' && c <= '9' {
			hasDigit = true
		} else if c != '.' {
			hasLetter = true
		}
	}
	if !hasDigit {
		return false
	}
	// plain numbers: codes only when 5 long (CPT) or with a letter (PCS 0DT)
	return hasLetter || len(w) == 5 || len(w) == 3 || len(w) == 4
}

// Search finds codes for a query as coders type it. Results are ordered best
// first; ties keep code order, so the same query always gives the same list.
// Only codes valid on the date of service are offered.
func (x *Searcher) Search(q string, opt SearchOptions) []Result {
	if opt.Limit <= 0 {
		opt.Limit = 20
	}
	systems := opt.Systems
	if len(systems) == 0 {
		systems = Systems
	}
	rels := map[System]*Release{}
	for _, sys := range systems {
		var r *Release
		if opt.Date == 0 {
			r = x.set.Latest(sys)
		} else {
			r = x.set.ReleaseAt(sys, opt.Date)
		}
		if r != nil {
			rels[sys] = r
		}
	}
	if len(rels) == 0 {
		return nil
	}
	fields := strings.Fields(q)
	var prefixes []string
	var words []string
	for _, f := range fields {
		if looksLikeCode(f) && x.isCodePrefix(NormalizeCode(f), rels) {
			prefixes = append(prefixes, NormalizeCode(f))
		} else {
			words = append(words, f)
		}
	}
	if len(words) == 0 && len(prefixes) > 0 {
		return x.codePrefix(prefixes, rels, opt)
	}
	opt.query = " " + strings.ToLower(q) + " "
	asYouType := len(q) > 0 && q[len(q)-1] != ' '
	slots := x.parse(strings.Join(words, " "), asYouType)
	if len(slots) == 0 {
		return nil
	}
	sc := x.pool.Get().(*scratch)
	defer x.pool.Put(sc)
	res := x.run(sc, slots, rels, prefixes, opt)
	return res
}

// isCodePrefix reports whether some code of the releases starts with p.
func (x *Searcher) isCodePrefix(p string, rels map[System]*Release) bool {
	for _, r := range rels {
		i := sort.Search(len(r.Entries), func(i int) bool { return r.Entries[i].Code >= p })
		if i < len(r.Entries) && strings.HasPrefix(r.Entries[i].Code, p) {
			return true
		}
	}
	return false
}

// parse turns the query words into slots.
func (x *Searcher) parse(q string, asYouType bool) []slot {
	toks := tokenize(q, false)
	raw := toks
	var slots []slot
	N := float32(len(x.docs) + 1)
	for i := 0; i < len(toks) && len(slots) < maxSlots; {
		// longest synonym phrase starting here
		matched := 0
		for L := min(x.synMax, len(toks)-i); L >= 1; L-- {
			key := strings.Join(toks[i:i+L], " ")
			exp, ok := x.syn[key]
			if !ok {
				continue
			}
			sl := slot{text: key}
			if L > 1 || x.vocab[key] != 0 || x.hasTerm(key) {
				if ids, ok := x.lookupAll(toks[i : i+L]); ok {
					sl.alts = append(sl.alts, alt{terms: ids, weight: 1, why: ""})
				}
			}
			for _, e := range exp {
				if ids, ok := x.lookupAll(e); ok {
					if len(e) == 1 && L == 1 && e[0] == key {
						continue // the word itself, already added
					}
					sl.alts = append(sl.alts, alt{terms: ids, weight: 0.96, why: fmt.Sprintf("%q read as %q", key, strings.Join(e, " "))})
				}
			}
			if len(sl.alts) > 0 {
				slots = append(slots, sl)
				matched = L
				break
			}
		}
		if matched > 0 {
			i += matched
			continue
		}
		w := toks[i]
		sl := slot{text: w}
		last := i == len(raw)-1
		if id, ok := x.vocab[w]; ok {
			sl.alts = append(sl.alts, alt{terms: []uint32{id}, weight: 1})
		}
		exactDF := 0
		if len(sl.alts) > 0 {
			exactDF = len(x.postings[sl.alts[0].terms[0]])
		}
		if len(w) >= 5 || exactDF == 0 {
			for rank, h := range x.fuzzy(w) {
				// a correction must be much commoner than a rare exact word
				if exactDF > 0 && len(x.postings[h.term]) < 5*exactDF+10 {
					continue
				}
				wt := float32(0.8)
				if h.dist == 2 {
					wt = 0.7
				}
				wt -= 0.01 * float32(rank)
				if exactDF > 0 && len(x.postings[h.term]) >= 10*exactDF {
					// "did you mean": the common word beats the rare one
					wt = 0.86 - 0.01*float32(rank)
					sl.alts[0].weight = 0.82
				}
				sl.alts = append(sl.alts, alt{terms: []uint32{h.term}, weight: wt, why: fmt.Sprintf("%q corrected to %q (edit distance %d)", w, x.terms[h.term], h.dist)})
			}
		}
		if last && asYouType && len(w) >= 3 || len(sl.alts) == 0 && len(w) >= 4 {
			for _, t := range x.prefixTerms(w, 24) {
				sl.alts = append(sl.alts, alt{terms: []uint32{t}, weight: 0.85, why: fmt.Sprintf("%q completed to %q", w, x.terms[t])})
			}
		}
		if len(sl.alts) > 0 {
			slots = append(slots, sl)
		}
		i++
	}
	for si := range slots {
		sl := &slots[si]
		best := float32(0)
		for ai := range sl.alts {
			a := &sl.alts[ai]
			a.post = x.intersect(a.terms)
			df := float32(len(a.post))
			idf := float32(math.Log(float64(1 + N/(df+1))))
			if allVague(x, a.terms) {
				idf *= 0.3
			}
			if idf*a.weight > best {
				best = idf * a.weight
			}
		}
		sl.idf = best
	}
	return slots
}

// allVague reports whether every term is a vague word ("other",
// "unspecified") that should weigh little in a query.
func allVague(x *Searcher, ts []uint32) bool {
	for _, t := range ts {
		if !vagueWords[x.terms[t]] {
			return false
		}
	}
	return true
}

func (x *Searcher) hasTerm(w string) bool { _, ok := x.vocab[w]; return ok }

func (x *Searcher) lookupAll(ws []string) ([]uint32, bool) {
	ids := make([]uint32, 0, len(ws))
	for _, w := range ws {
		id, ok := x.vocab[w]
		if !ok {
			return nil, false
		}
		ids = append(ids, id)
	}
	return ids, true
}

// intersect returns the documents holding every term.
func (x *Searcher) intersect(ts []uint32) []uint32 {
	if len(ts) == 1 {
		return x.postings[ts[0]]
	}
	lists := make([][]uint32, len(ts))
	for i, t := range ts {
		lists[i] = x.postings[t]
	}
	sort.Slice(lists, func(i, j int) bool { return len(lists[i]) < len(lists[j]) })
	out := append([]uint32(nil), lists[0]...)
	for _, l := range lists[1:] {
		k, j := 0, 0
		for _, d := range out {
			for j < len(l) && l[j] < d {
				j++
			}
			if j < len(l) && l[j] == d {
				out[k] = d
				k++
			}
		}
		out = out[:k]
	}
	return out
}

func (x *Searcher) run(sc *scratch, slots []slot, rels map[System]*Release, prefixes []string, opt SearchOptions) []Result {
	order := make([]int, len(slots))
	for i := range order {
		order[i] = i
	}
	size := func(s *slot) int {
		n := 0
		for _, a := range s.alts {
			n += len(a.post)
		}
		return n
	}
	sort.SliceStable(order, func(a, b int) bool { return size(&slots[order[a]]) < size(&slots[order[b]]) })
	sc.acc = sc.acc[:0]
	const bigList = 6000
	for k, si := range order {
		sl := &slots[si]
		onlyExisting := k > 0 && len(sc.acc) > 0 && size(sl) > bigList
		if onlyExisting && len(sc.acc)*8 < size(sl) {
			// few candidates, long lists: look the terms up in each
			// candidate's own words instead of walking the lists
			for i := range sc.acc {
				ac := &sc.acc[i]
				d := &x.docs[ac.doc]
				toks := x.toks[d.tokS:d.tokE]
				for _, a := range sl.alts {
					if !hasAll(toks, a.terms) {
						continue
					}
					nt := uint8(len(a.terms))
					if a.weight+0.05*float32(nt) > ac.w[si]+0.05*float32(ac.nt[si]) {
						ac.w[si], ac.nt[si] = a.weight, nt
						ac.mask |= 1 << si
					}
				}
			}
			continue
		}
		for _, a := range sl.alts {
			nt := uint8(len(a.terms))
			post := a.post
			if !onlyExisting && len(post) > capDocs {
				post = x.bestOf(a, sc)
			}
			for _, d := range post {
				p := sc.pos[d]
				if p == 0 {
					if onlyExisting {
						continue
					}
					sc.acc = append(sc.acc, docAcc{doc: d})
					p = int32(len(sc.acc))
					sc.pos[d] = p
				}
				ac := &sc.acc[p-1]
				if a.weight+0.05*float32(nt) > ac.w[si]+0.05*float32(ac.nt[si]) {
					ac.w[si] = a.weight
					ac.nt[si] = nt
					ac.mask |= 1 << si
				}
			}
		}
	}
	var total float32
	for i := range slots {
		total += slots[i].idf
	}
	// first pass: an upper bound of each document's score from the
	// accumulators; then the best documents are rescored exactly.
	var maxScore float32
	for i := range sc.acc {
		ac := &sc.acc[i]
		sc.pos[ac.doc] = 0
		var cov float32
		matched := 0
		for si := range slots {
			if ac.w[si] > 0 {
				cov += slots[si].idf * ac.w[si]
				matched += int(ac.nt[si])
			}
		}
		cov /= total
		d := &x.meta[ac.doc]
		prec := float32(1)
		if d.essLen > 0 {
			prec = min(1, (float32(matched)+0.5)/(float32(d.essLen)+0.5))
		}
		score := cov * cov * (0.55 + 0.45*prec) * docKindWeight[d.kind] * d.bound
		ac.w[0] = score // reuse: slot weights are no longer needed
		if score > maxScore {
			maxScore = score
		}
	}
	const topDocs = 200
	threshold := scoreThreshold(len(sc.acc), topDocs, maxScore, func(i int) float32 { return sc.acc[i].w[0] })
	sc.sel = sc.sel[:0]
	for i := range sc.acc {
		if sc.acc[i].w[0] >= threshold {
			sc.sel = append(sc.sel, int32(i))
		}
	}
	if len(sc.sel) > 3*topDocs {
		// many ties at the threshold: keep the best bounds, then doc order
		slices.SortFunc(sc.sel, func(a, b int32) int {
			if c := cmp.Compare(sc.acc[b].w[0], sc.acc[a].w[0]); c != 0 {
				return c
			}
			return cmp.Compare(sc.acc[a].doc, sc.acc[b].doc)
		})
		sc.sel = sc.sel[:3*topDocs]
	}
	sc.cand = sc.cand[:0]
	for _, i := range sc.sel {
		ac := &sc.acc[i]
		score, _ := x.exactScore(slots, total, ac.doc, nil)
		d := &x.docs[ac.doc]
		for ti := d.tgtS; ti < d.tgtE; ti++ {
			t := &x.targets[ti]
			s := score * viaWeight[t.via]
			p := sc.cpos[t.code]
			if p == 0 {
				sc.cand = append(sc.cand, cand{code: t.code, score: s, doc: ac.doc, tg: ti})
				sc.cpos[t.code] = int32(len(sc.cand))
			} else if c := &sc.cand[p-1]; s > c.score || (s == c.score && ac.doc < c.doc) {
				c.score, c.doc, c.tg = s, ac.doc, ti
			}
		}
	}
	for i := range sc.cand {
		sc.cpos[sc.cand[i].code] = 0
	}
	cands := sc.cand
	need := opt.Limit*4 + 40
	if len(rels) < len(Systems) {
		k := 0
		for _, c := range cands {
			if rels[x.codes[c.code].sys] != nil {
				cands[k] = c
				k++
			}
		}
		cands = cands[:k]
	}
	if len(cands) > 4*need {
		var best float32
		for i := range cands {
			best = max(best, cands[i].score)
		}
		th := scoreThreshold(len(cands), 3*need, best, func(i int) float32 { return cands[i].score })
		k := 0
		for _, c := range cands {
			if c.score >= th {
				cands[k] = c
				k++
			}
		}
		cands = cands[:k]
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.code, b.code)
	})
	var out []Result
	type scored struct {
		c     cand
		e     *Entry
		score float32
	}
	var keep []scored
	for _, c := range cands {
		if len(keep) >= need {
			break
		}
		g := x.codes[c.code]
		r := rels[g.sys]
		if r == nil {
			continue
		}
		if len(prefixes) > 0 && !hasAnyPrefix(g.code, prefixes) {
			continue
		}
		ei := x.entryIdx[r][c.code]
		if ei < 0 {
			continue
		}
		e := &r.Entries[ei]
		if opt.Date != 0 && ((e.From != 0 && opt.Date < e.From) || (e.To != 0 && opt.Date > e.To)) {
			continue
		}
		s := c.score * x.defaultPreference(x.flags[c.code], slots, opt.query)
		if !e.Billable {
			s *= 0.7
		}
		keep = append(keep, scored{c, e, s})
	}
	sort.SliceStable(keep, func(i, j int) bool {
		if keep[i].score != keep[j].score {
			return keep[i].score > keep[j].score
		}
		return keep[i].c.code < keep[j].c.code
	})
	for _, k := range keep {
		if len(out) >= opt.Limit {
			break
		}
		g := x.codes[k.c.code]
		d := &x.docs[k.c.doc]
		r := Result{System: g.sys, Code: FormatCode(g.sys, g.code), Title: k.e.Title(), Score: math.Round(float64(k.score)*1000) / 1000,
			Billable: k.e.Billable, Matched: d.text, Source: docKindNames[d.kind]}
		if d.kind >= docIndex && d.kind <= docNeoplasm {
			r.Matched = indexText(x, k.c.doc)
		}
		if opt.Explain {
			r.Explain = x.explain(slots, k.c, k.e, k.score)
		}
		out = append(out, r)
	}
	return out
}

func indexText(x *Searcher, doc uint32) string { return x.docs[doc].text }

// exactScore scores one document against the query: coverage (the share of
// the query's weight found, words found only among nonessential modifiers
// counting half), precision (the share of the text's essential words the
// query accounts for), the source's weight and a slight preference for
// shorter texts. When why is not nil it receives, per slot, the alternative
// that matched (or -1).
func (x *Searcher) exactScore(slots []slot, total float32, doc uint32, why []int) (float32, float32) {
	d := &x.docs[doc]
	toks := x.toks[d.tokS:d.tokE]
	cut := int(d.nemodCut)
	var cov float32
	matched := 0
	for si := range slots {
		best, bestNT, bestA := float32(0), 0, -1
		for ai := range slots[si].alts {
			a := &slots[si].alts[ai]
			w := a.weight
			ok := true
			for _, t := range a.terms {
				at := -1
				for k, dt := range toks {
					if dt == t {
						at = k
						break
					}
				}
				if at < 0 {
					ok = false
					break
				}
				if at >= cut {
					w = a.weight * 0.5
				}
			}
			nt := len(a.terms)
			if w < a.weight {
				nt = 0
			}
			// a longer alternative explains more of the text: prefer it
			// when its weight is close
			if ok && (bestA < 0 || w+0.05*float32(nt) > best+0.05*float32(bestNT)) {
				best, bestA, bestNT = w, ai, nt
			}
		}
		if why != nil {
			why[si] = bestA
		}
		cov += slots[si].idf * best
		matched += bestNT
	}
	cov /= total
	prec := float32(1)
	if d.essLen > 0 {
		prec = min(1, (float32(matched)+0.5)/(float32(d.essLen)+0.5))
	}
	length := lengthFactor(int(d.essLen), cut)
	return cov * cov * (0.55 + 0.45*prec) * docKindWeight[d.kind] * length, prec
}

// capDocs bounds how many documents one long posting list may bring in as
// new candidates: the best capDocs by their static quality.
const capDocs = 4000

func hasAll(toks, terms []uint32) bool {
	for _, t := range terms {
		found := false
		for _, d := range toks {
			if d == t {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// staticQuality orders documents when a long list must be cut: short texts
// from strong sources that lead to an index's own code first.
func (x *Searcher) staticQuality(doc uint32) float32 {
	m := &x.meta[doc]
	return docKindWeight[m.kind] * m.bound / (1 + 0.15*float32(m.essLen))
}

// bestOf returns the capDocs best documents of a long alternative: from
// the precomputed impact order for one term, or by filtering an
// intersection.
func (x *Searcher) bestOf(a alt, sc *scratch) []uint32 {
	if len(a.terms) == 1 {
		if imp, ok := x.impact[a.terms[0]]; ok {
			return imp
		}
	}
	var best float32
	for _, d := range a.post {
		best = max(best, x.staticQuality(d))
	}
	th := scoreThreshold(len(a.post), capDocs, best, func(i int) float32 { return x.staticQuality(a.post[i]) })
	sc.cut = sc.cut[:0]
	for _, d := range a.post {
		if x.staticQuality(d) >= th {
			sc.cut = append(sc.cut, d)
		}
	}
	return sc.cut
}

// lengthFactor slightly prefers texts with fewer words.
func lengthFactor(ess, all int) float32 {
	return 1 - 0.004*float32(min(ess, 30)) - 0.0015*float32(min(all-ess, 30))
}

// scoreThreshold returns the lowest score that keeps about n of count items
// whose scores lie in [0, max], from a histogram of 1024 buckets.
func scoreThreshold(count, n int, max float32, score func(int) float32) float32 {
	if count <= n || max <= 0 {
		return 0
	}
	var hist [1024]int32
	for i := 0; i < count; i++ {
		b := int(score(i) / max * 1023.999)
		hist[min(max0(b), 1023)]++
	}
	k := 0
	for b := 1023; b >= 0; b-- {
		k += int(hist[b])
		if k >= n {
			return float32(b) / 1024 * max
		}
	}
	return 0
}

func max0(b int) int {
	if b < 0 {
		return 0
	}
	return b
}

// defaultPreference follows the coding defaults when the query is silent:
// the initial encounter before subsequent ones and sequelae, and the
// unspecified code before the specific "other" ones.
func (x *Searcher) defaultPreference(fl uint8, slots []slot, query string) float32 {
	said := func(w string) bool {
		for _, s := range slots {
			if strings.Contains(s.text, w) {
				return true
			}
		}
		return false
	}
	f := float32(1)
	if (fl&flagSubsequent != 0 && !said("subsequ")) || (fl&flagSequela != 0 && !said("sequel")) {
		f *= 0.97
	}
	if fl&flagUnspecified != 0 && !said("other") {
		f *= 1.006
	}
	if fl&flagOther != 0 && !said("other") && !said("specifi") {
		f *= 0.98
	}
	if fl&flagWithout != 0 && !strings.Contains(query, "with ") && !strings.HasSuffix(query, " with") {
		f *= 1.008
	}
	return f
}

func hasAnyPrefix(code string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

// explain says why a code ranked where it did.
func (x *Searcher) explain(slots []slot, c cand, e *Entry, final float32) []string {
	d := &x.docs[c.doc]
	have := map[uint32]bool{}
	for _, t := range x.toks[d.tokS:d.tokE] {
		have[t] = true
	}
	var out []string
	out = append(out, fmt.Sprintf("matched %s %q", docKindNames[d.kind], d.text))
	t := &x.targets[c.tg]
	if t.via != viaDirect {
		msg := viaNames[t.via]
		if strings.Contains(msg, "%s") {
			msg = fmt.Sprintf(msg, FormatCode(ICD10CM, x.from[t.from]))
		}
		out = append(out, "reaches this code as "+msg)
	}
	for _, sl := range slots {
		found := false
		for _, a := range sl.alts {
			all := true
			for _, tm := range a.terms {
				if !have[tm] {
					all = false
					break
				}
			}
			if all {
				if a.why != "" {
					out = append(out, fmt.Sprintf("query word %q: %s", sl.text, a.why))
				} else {
					out = append(out, fmt.Sprintf("query word %q: found", sl.text))
				}
				found = true
				break
			}
		}
		if !found {
			out = append(out, fmt.Sprintf("query word %q: not in this text", sl.text))
		}
	}
	b := "billable"
	if !e.Billable {
		b = "header, not billable (score ×0.7)"
	}
	out = append(out, fmt.Sprintf("%s; source weight %.2f; via weight %.2f; final score %.3f", b, docKindWeight[d.kind], viaWeight[t.via], final))
	return out
}

// codePrefix lists codes that start with the typed prefixes, billable first
// and shorter codes before longer ones.
func (x *Searcher) codePrefix(prefixes []string, rels map[System]*Release, opt SearchOptions) []Result {
	var out []Result
	for _, sys := range Systems {
		r := rels[sys]
		if r == nil {
			continue
		}
		for _, p := range prefixes {
			var es []*Entry
			if e := r.lookup(p); e != nil {
				es = append(es, e)
			}
			es = append(es, r.descendants(p)...)
			for _, e := range es {
				if opt.Date != 0 && ((e.From != 0 && opt.Date < e.From) || (e.To != 0 && opt.Date > e.To)) {
					continue
				}
				score := 1.0 - 0.02*float64(len(e.Code)-len(p))
				if !e.Billable {
					score *= 0.9
				}
				res := Result{System: sys, Code: FormatCode(sys, e.Code), Title: e.Title(), Score: math.Round(score*1000) / 1000, Billable: e.Billable, Matched: e.Code, Source: "code prefix"}
				if opt.Explain {
					res.Explain = []string{fmt.Sprintf("code starts with %q", p)}
				}
				out = append(out, res)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Code < out[j].Code
	})
	if len(out) > opt.Limit {
		out = out[:opt.Limit]
	}
	return out
}
