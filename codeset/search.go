package codeset

import (
	"cmp"
	_ "embed"
	"fmt"
	"math"
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strconv"
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
	viaDirect        via = iota // the text belongs to the code
	viaDefault                  // an index term's own code
	viaDescendant               // a valid code beneath the index (or header) code
	viaReplacement              // a replacement found through the GEMs or a valid ancestor
	viaHeaderDefault            // the header's own unspecified code beneath it ("Gout flare" at M10 is M10.9)
	viaSee                      // the code of the term a "see" reference names, read loosely (seeKey)
)

// (a "see" reference read loosely weighs as a title does, not as the
// index's own code: the term it names may not be the one meant)
var viaWeight = [...]float32{1.0, 1.08, 0.95, 0.85, 0.98, 1.0}
var viaNames = [...]string{"", "the index's code for this term", "a valid code beneath the index code %s", "a replacement for index code %s, not valid in this release", "the unspecified code beneath the header %s",
	"the code of the term its \"see\" reference names"}

type target struct {
	code uint32 // global code id
	from uint32 // index into Searcher.from: the index code followed
	via  via
}

// docMeta is what the first scoring pass needs of a document. Few distinct
// values occur (under a thousand over every text), so each document keeps
// only the index of its value (Searcher.mclass), and each posting list
// carries those indexes beside its documents (Searcher.postCls): the first
// pass reads them in the order it reads the documents, not by jumping
// about a per-document array that a cold cache must fetch line by line.
type docMeta struct {
	bound  float32 // length factor × best via weight: the most the doc can score beyond match
	essLen uint16  // essential (not weak, not nonessential-modifier) terms
	kind   docKind
	sys    System // the system of the codes the text leads to
	nemod  bool   // the text has nonessential modifiers
}

// docDetail is what exact scoring and the codes reached need of a
// document. A document's terms and targets end where the next one's start
// (Searcher.detail ends with a sentinel).
type docDetail struct {
	length float32 // lengthFactor of the text
	tokS   uint32  // toks[tokS:]: distinct term ids, the first cut essential, the rest nonessential modifiers
	tgtS   uint32  // targets[tgtS:]: the codes the text leads to
	code   uint32  // the first target's code and via, read without the targets
	cut    uint16
	via    via
	single bool // one target
}

// boostFlags are the title flags whose factor (prefs.factor) may be over 1.
const boostFlags = flagUnspecified | flagWithout | flagApproach | flagUsualGraft

// sysShift places a code's system above its title flags in Searcher.info.
const sysShift = 28

// title flags for coding defaults
const (
	flagUnspecified uint32 = 1 << iota
	flagOther
	flagWithout
	flagSubsequent
	flagSequela
	flagFamily      // a family history, not the patient's own
	flagQualified   // a fracture the index does not default to: pathological, stress, periprosthetic
	flagPersonal    // the patient's own history
	flagApproach    // a PCS code whose approach is the usual one for its operation and body system
	flagAutolog     // a transfusion of the patient's own blood product
	flagNewTech     // a PCS New Technology code
	flagLeft        // the title names the left side
	flagRight       // the title names the right side
	flagBilateral   // the title names both sides
	flagAddition    // an HCPCS item that is not the usual one: an addition to, or replacement part of, another item, or its noncovered variant
	flagTraumatic   // a fracture of the injury chapter, which a pathological one is not
	flagObstetric   // a code of pregnancy, childbirth and the puerperium (O00-O9A)
	flagUnindexed   // a CM code no entry of the loaded index leads to: newer than the index
	flagResection   // a PCS Resection: the whole body part taken out
	flagExternal    // an external cause of morbidity (V00–Y99)
	flagWithClause  // a CM title that has "with" something
	flagUsualGraft  // a CABG code whose source is the usual one for its graft: the aorta for a vein or an arterial conduit, the left internal mammary for none
	flagSecondary   // a secondary (metastatic) malignant neoplasm
	flagNoTrimester // a pregnancy code of unspecified trimester
	flagTransplant  // a CM title about a transplanted organ
	flagNoSide      // a CM title whose side is unspecified ("…, unspecified side", "unspecified ear")
	flagDMCause     // a diabetes of a named cause or kind (E08 underlying condition, E09 drug, E13 other specified), not the default E11
	flagRecurrent   // a CM code some release titles "…, recurrent"
)

// the title flags stay below the system's bits (this does not compile
// when they reach them)
var _ [1<<sysShift - 2*flagRecurrent]struct{}

// noSideRe is a title's side left unspecified.
var noSideRe = regexp.MustCompile(`\bunspecified (?:side|ear|eye|upper limb|lower limb|limb|arm|upper arm|forearm|leg|lower leg|thigh|hand|foot|knee|hip|shoulder|elbow|wrist|ankle|finger|toe|kidney|lung|breast|ovary|fallopian tube|testis|orbit|eyelid)\b`)

type gcode struct {
	sys  System
	code string
}

// Searcher is an in-memory search index over a Set: an inverted index of
// stemmed words over code titles, inclusion terms and index paths, with
// synonym expansion, edit-distance correction and code-prefix lookup.
type Searcher struct {
	set          *Set
	vocab        map[string]uint32
	terms        []string
	postings     [][]uint32
	texts        []string    // by document
	detail       []docDetail // by document, and a sentinel
	toks         []uint32
	targets      []target
	codes        []gcode
	published    []string // by code: the code as its system publishes it (FormatCode), made once rather than per result
	sorted       []uint32 // term ids in string order, for prefixes
	sortedTerms  []string // the terms in that order
	sortedDF     []uint32 // and their document counts
	prefixDir    []uint32 // sortedTerms[prefixDir[b]:prefixDir[b+1]] start with prefixBucket b
	nearDF       []uint32 // by term: the most documents any term sharing a deletion hash with it has
	mainTerm     []bool   // by term: the word is by itself a main term of the alphabetic index
	termDF       []uint32 // by term: its documents
	termIDF      []float32
	synAlts      map[string]synEntry
	dels         []delEnt // deletion index for misspellings, by hash
	delDir       []uint32 // dels[delDir[b]:delDir[b+1]] hold the hashes whose top delBits bits are b
	syn          map[string][][]string
	synFirst     map[string]int      // per first word: the most words of a synonym entry starting with it
	synWords     [40][]string        // the one-word synonym keys by length, for correcting their spelling
	synMasks     [40][]uint32        // and the letters of each (letterMask)
	weak         []bool              // by term id
	vague        []bool              // by term id: vagueWords
	pcsWeak      []bool              // by term id: weak or pcsApproachWords, as PCS titles count them
	mclass       []uint16            // by document: the index of its docMeta in classes
	classes      []docMeta           // the distinct docMeta values
	hasSys       [CPT + 1]bool       // the systems some document leads to
	oneSysDocs   bool                // every document leads to codes of its class's system only
	sysFlags     [CPT + 1]uint32     // per system: the title flags some code of it has
	postCls      [][]uint16          // by term: the class of each document of postings[t], in its order
	impact       map[uint32]docList  // long posting lists cut to their capDocs (phraseCapDocs) best documents
	info         []uint32            // per code: title words that steer coding defaults, and the system (<< sysShift)
	manifest     []uint64            // per code, a bit: a CM manifestation code ("… in diseases classified elsewhere")
	withStems    map[uint32][]string // per CM code whose title has "with" something: the stems of each clause, "" between clauses (while building)
	withAt       []uint32            // by code: withTerms[withAt[c]:withAt[c+1]] are its with-clauses' term ids, clauseEnd between clauses
	withTerms    []uint32
	withoutAt    []uint32 // by code: withoutNames[withoutAt[c]:withoutAt[c+1]] (withoutVaries masked off) are what its title is "without"
	withoutNames []string
	termPref     []uint8              // by term id: the preference words it is (prefHistory, …)
	deniedWords  map[string]bool      // the words CM titles put after "not" ("traumatic", "intractable")
	nonWords     map[string]bool      // the words CM titles say with "non" ("traumatic" of "nontraumatic")
	entryIdx     map[*Release][]int32 // per release: code id → entry index << 1 | 1 when billable, -1 absent (the candidate loop learns whether a code is billable without fetching its entry)
	dated        map[*Release]bool    // per release: some entry has its own dates
	from         []string
	fromID       map[string]uint32
	titleWords   map[*Entry]string         // while building: a descendant's title words, for narrow (" w1 w2 ")
	narrowed     map[uint32]bool           // while building: codes beneath an index code that narrow set aside
	partKey      map[string][]partKeyEntry // the PCS body part key, by first word
	freeMu       sync.Mutex
	free         []*scratch // scratches kept between queries
}

// docList is a list of documents and the class of each.
type docList struct {
	docs []uint32
	cls  []uint16
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
		key := strings.Join(tokenize(joinShorthand(lhs), false), " ")
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
	x := &Searcher{set: s, vocab: map[string]uint32{}, fromID: map[string]uint32{}, titleWords: map[*Entry]string{}, narrowed: map[uint32]bool{}}
	x.texts = make([]string, 0, 400000)
	metas := make([]docMeta, 0, 400000)
	x.detail = make([]docDetail, 0, 400000)
	x.toks = make([]uint32, 0, 2500000)
	x.targets = make([]target, 0, 700000)
	x.syn, _ = ParseSynonyms(synonyms)
	x.partKey = bodyPartKey(s.PCSDefs)
	mainWords := map[string]bool{} // the words that are by themselves an index main term
	x.synFirst = map[string]int{}
	for k := range x.syn {
		n := strings.Count(k, " ") + 1
		first, _, _ := strings.Cut(k, " ")
		x.synFirst[first] = max(x.synFirst[first], n)
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
	var words []string // a text's words, one buffer for every text
	// descr: nemod is the rest of an HCPCS description after the item's
	// name; it is shown with the name, and a quarter of its words count
	// against precision, so that a long description still loses to a
	// short one naming as much
	addDoc := func(kind docKind, text, nemod string, descr bool, tg []target) {
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
		pcs := x.codes[tg[0].code].sys == ICD10PCS
		words = appendTokens(words[:0], text)
		for i, w := range words {
			id := x.term(w)
			if !has(id) {
				tmp = append(tmp, id)
				// (type 2 is the diabetes a query need not name: the
				// default for a diabetes of unstated type)
				if !weakWords[w] && !(pcs && pcsApproachWords[w]) && !(w == "2" && i > 0 && words[i-1] == "type" && i+1 < len(words) && words[i+1] == "diabet") ||
					!pcs && i+1 < len(words) && heartSide(w, words[i+1]) {
					ess++
				}
			}
		}
		cut := len(tmp)
		rest := 0
		words = appendTokens(words[:0], nemod)
		for _, w := range words {
			id := x.term(w)
			if !has(id) {
				tmp = append(tmp, id)
				if !weakWords[w] {
					rest++
				}
			}
		}
		if descr {
			ess += (rest + 3) / 4
			text += "," + nemod
		}
		if len(tmp) == 0 {
			return
		}
		bestVia := float32(0)
		for _, t := range tg {
			bestVia = max(bestVia, viaWeight[t.via])
		}
		x.texts = append(x.texts, text)
		metas = append(metas, docMeta{bound: bestVia * lengthFactor(ess, cut), essLen: uint16(ess), kind: kind, sys: x.codes[tg[0].code].sys, nemod: cut < len(tmp)})
		x.detail = append(x.detail, docDetail{length: lengthFactor(ess, cut), tokS: uint32(len(x.toks)), tgtS: uint32(len(x.targets)),
			code: tg[0].code, cut: uint16(cut), via: tg[0].via, single: len(tg) == 1})
		x.toks = append(x.toks, tmp...)
		x.targets = append(x.targets, tg...)
	}
	for id, g := range x.codes {
		e := titleOf(g)
		tg := []target{{code: uint32(id)}}
		if g.sys == HCPCS {
			// "Knee orthosis, adjustable knee joints …, prefabricated,
			// off-the-shelf": the item is named before the first comma;
			// the rest describes it, as an index entry's nonessential
			// modifiers do, so a long description does not lose to a
			// short title that names another item
			head, rest := hcpcsItem(e.Title())
			addDoc(docTitle, head, rest, rest != "", tg)
		} else {
			addDoc(docTitle, e.Title(), "", false, tg)
		}
		if (g.sys == CPT || g.sys == HCPCS) && e.Short != "" && e.Short != e.Long {
			addDoc(docShort, e.Short, "", false, tg)
		}
	}
	cm := latest[ICD10CM]
	if s.Tabular != nil && cm != nil {
		for _, d := range s.Tabular.Diags {
			for _, n := range d.Notes {
				if n.Kind == NoteInclusion {
					addDoc(docInclusion, n.Text, "", false, x.resolve(cm, d.Code, viaDirect, ""))
				}
			}
		}
	}
	if s.Index != nil && cm != nil {
		seePath := map[string]string{}
		seeLoose := map[string]string{} // by seeKey, for a reference no path spells as it does
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
				if k := seeKey(t.Path); seeLoose[k] == "" {
					seeLoose[k] = t.Code
				}
			}
			// "see Neoplasm, lung, malignant": the neoplasm table's row
			// for the site, in the column of the behaviour
			if b := seeBehavior[t.Column]; t.Code != "" && t.Kind == IndexNeoplasm && b != "" {
				if k := seeKey(append(slices.Clip(t.Path), b)); seeLoose[k] == "" {
					seeLoose[k] = t.Code
				}
			}
		}
		for i := range s.Index.Terms {
			t := &s.Index.Terms[i]
			code, own := t.Code, viaDefault
			if code == "" && t.See != "" {
				code = seePath[strings.ToLower(strings.TrimSpace(t.See))]
				// ("Placenta, placental — see Pregnancy, complicated by,
				// specified condition": where its conditions are found, not
				// a code of the placenta's)
				if k := seeKey(strings.Split(t.See, ",")); code == "" && t.Kind == IndexDisease && !strings.HasSuffix(k, "specified condition") {
					code, own = seeLoose[k], viaSee
				}
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
			if kind == docIndex {
				if ws := tokenize(main, false); len(ws) == 1 {
					mainWords[ws[0]] = true
				}
			}
			text := strings.Join(append([]string{main}, t.Path[1:]...), " ")
			if t.Column != "" {
				text += " " + t.Column
			}
			// the words that choose among a header's codes are the
			// term's own, or those of the term it sends the reader to
			// ("Cellulitis, foot — see Cellulitis, lower limb")
			hint := text
			if t.Code == "" {
				hint = t.See
			}
			addDoc(kind, text, t.Nemod+" "+alts, false, x.resolve(cm, code, own, hint))
		}
	}
	x.detail = append(x.detail, docDetail{tokS: uint32(len(x.toks)), tgtS: uint32(len(x.targets))})
	// the codes some index entry leads to; with an index loaded, the CM
	// codes none leads to came after it (K76.82 "Hepatic encephalopathy",
	// new in FY2023, beside the FY2017 index's "Encephalopathy, hepatic"
	// → K72.90)
	indexed := make([]bool, len(x.codes))
	anyIndex := false
	for doc := range x.texts {
		if k := metas[doc].kind; k >= docIndex && k <= docNeoplasm {
			anyIndex = true
			for ti, end := x.detail[doc].tgtS, x.detail[doc+1].tgtS; ti < end; ti++ {
				indexed[x.targets[ti].code] = true
			}
		}
	}
	for id := range x.narrowed {
		indexed[id] = true
	}
	if s.Index != nil {
		// …and the manifestation codes its entries pair with their
		// etiology ("Pneumonia in actinomycosis A42.0 [J17]")
		for i := range s.Index.Terms {
			if m := s.Index.Terms[i].Manif; m != "" {
				if id, ok := x.codeIndex(ICD10CM, m); ok {
					indexed[id] = true
				}
			}
		}
	}
	x.published = make([]string, len(x.codes))
	for id, g := range x.codes {
		x.published[id] = FormatCode(g.sys, g.code)
	}
	// when every text leads to codes of one system only, a text of a
	// system the search does not ask for never becomes a candidate (run
	// skips it), so no candidate needs its system tested again
	x.oneSysDocs = true
	for doc := range x.texts {
		for ti, end := x.detail[doc].tgtS, x.detail[doc+1].tgtS; ti < end; ti++ {
			if x.codes[x.targets[ti].code].sys != metas[doc].sys {
				x.oneSysDocs = false
			}
		}
	}
	x.info = make([]uint32, len(x.codes))
	x.manifest = make([]uint64, (len(x.codes)+63)/64)
	for id, g := range x.codes {
		t := strings.ToLower(titleOf(g).Title())
		var f uint32
		// (HCPCS writes its unspecified item "not otherwise specified")
		if strings.Contains(t, "unspecified") || strings.Contains(t, "not otherwise specified") {
			f |= flagUnspecified
		}
		if strings.HasPrefix(t, "other ") {
			f |= flagOther
		}
		// (an HCPCS item "without" a part is not the usual one)
		if strings.Contains(t, "without") && g.sys == ICD10CM {
			f |= flagWithout
		}
		// (a manifestation code, "… in diseases classified elsewhere",
		// is never a term's code of its own, and an "other specified"
		// catch-all is the index's to give)
		if anyIndex && g.sys == ICD10CM && !indexed[id] && !strings.Contains(t, "classified elsewhere") && !strings.Contains(" "+t, " other ") {
			f |= flagUnindexed
		}
		if strings.Contains(t, "subsequent encounter") {
			f |= flagSubsequent
		}
		// (the title flags have no bit left for a manifestation code)
		if g.sys == ICD10CM && strings.Contains(t, "in diseases classified elsewhere") {
			x.manifest[id>>6] |= 1 << (id & 63)
		}
		// (the sequelae of cerebrovascular disease, I69, say "following
		// cerebral infarction": "right hemiparesis" is G81.91 unless the
		// query says the stroke came before)
		if strings.Contains(t, "sequela") || g.sys == ICD10CM && strings.HasPrefix(g.code, "I69") {
			f |= flagSequela
		}
		if strings.HasPrefix(t, "family history") {
			f |= flagFamily
		}
		// ("osteoporosis without current pathological fracture" is no
		// fracture at all)
		if strings.Contains(t, "fracture") && !strings.Contains(t, "without") && (strings.Contains(t, "patholog") ||
			strings.Contains(t, "stress fracture") || strings.Contains(t, "periprosthetic fracture") || strings.Contains(t, "fatigue fracture") || strings.Contains(t, "insufficiency fracture")) {
			f |= flagQualified
		}
		if g.sys == ICD10CM && strings.HasPrefix(g.code, "O") {
			f |= flagObstetric
		}
		if g.sys == ICD10CM && strings.Contains(t, "transplant") {
			f |= flagTransplant
		}
		if g.sys == ICD10CM && (strings.HasPrefix(g.code, "E08") || strings.HasPrefix(g.code, "E09") || strings.HasPrefix(g.code, "E13")) {
			f |= flagDMCause
		}
		if g.sys == ICD10CM && strings.Contains(t, "unspecified ") && noSideRe.MatchString(t) {
			f |= flagNoSide
		}
		if g.sys == ICD10CM && strings.HasPrefix(g.code, "S") && strings.Contains(t, "fracture") {
			f |= flagTraumatic
		}
		if strings.HasPrefix(t, "personal history") {
			f |= flagPersonal
		}
		if g.sys == ICD10CM && strings.HasPrefix(t, "secondary malignant neoplasm") {
			f |= flagSecondary
		}
		if g.sys == ICD10CM && strings.Contains(t, "unspecified trimester") {
			f |= flagNoTrimester
		}
		for _, w := range strings.Fields(t) {
			switch strings.Trim(w, ",.;:()") {
			case "left":
				f |= flagLeft
			case "right":
				f |= flagRight
			case "bilateral":
				f |= flagBilateral
			}
		}
		if g.sys == HCPCS && (strings.HasPrefix(t, "addition to") || strings.Contains(t, "replacement only") ||
			strings.HasPrefix(t, "noncovered") || strings.HasPrefix(t, "non-covered")) {
			f |= flagAddition
		}
		if g.sys == ICD10PCS {
			if usualApproach(g.code) {
				f |= flagApproach
			}
			if len(g.code) == 7 && g.code[0] == '0' && g.code[2] == 'T' {
				f |= flagResection
			}
			if strings.Contains(t, " autologous") {
				f |= flagAutolog
			}
			if strings.HasPrefix(g.code, "X") {
				f |= flagNewTech
			}
			if len(g.code) == 7 && strings.HasPrefix(g.code, "021") {
				switch dev, q := g.code[5], g.code[6]; {
				case (dev == '9' || dev == 'A' || dev == 'J' || dev == 'K' || dev == '7') && q == 'W', dev == 'Z' && q == '9':
					f |= flagUsualGraft
				}
			}
		}
		if g.sys == ICD10CM && g.code != "" && (g.code[0] == 'V' || g.code[0] == 'W' || g.code[0] == 'X' || g.code[0] == 'Y') {
			f |= flagExternal
		}
		if g.sys == ICD10CM && strings.Contains(t, "not ") {
			// the words a title denies ("not specified as traumatic"),
			// so that a query holding none skips the check
			if x.deniedWords == nil {
				x.deniedWords = map[string]bool{}
			}
			for _, w := range deniedTitleWords(t) {
				x.deniedWords[w] = true
			}
		}
		if g.sys == ICD10CM && strings.Contains(t, "non") {
			// the words a title says with "non" ("nontraumatic"), so
			// that a query holding none skips nonOfQuery
			for w := range strings.FieldsSeq(t) {
				if rest, ok := strings.CutPrefix(strings.Trim(w, ",.;:()"), "non"); ok && len(strings.TrimPrefix(rest, "-")) >= 6 {
					if x.nonWords == nil {
						x.nonWords = map[string]bool{}
					}
					x.nonWords[strings.TrimPrefix(rest, "-")] = true
				}
			}
		}
		if g.sys == ICD10CM && strings.Contains(t, " with ") {
			if ws := withClauses(t); len(ws) > 0 {
				f |= flagWithClause
				if x.withStems == nil {
					x.withStems = map[uint32][]string{}
				}
				x.withStems[uint32(id)] = ws
			}
		}
		x.info[id] = f | uint32(g.sys)<<sysShift
		x.sysFlags[g.sys] |= f
	}
	x.entryIdx = map[*Release][]int32{}
	x.dated = map[*Release]bool{}
	for _, r := range s.Releases {
		idx := make([]int32, len(x.codes))
		for i := range idx {
			idx[i] = -1
		}
		for i := range r.Entries {
			if id, ok := x.codeIndex(r.System, r.Entries[i].Code); ok {
				idx[id] = int32(i) << 1
				if r.Entries[i].Billable {
					idx[id] |= 1
				}
			}
		}
		x.entryIdx[r] = idx
		for i := range r.Entries {
			if r.Entries[i].From != 0 || r.Entries[i].To != 0 {
				x.dated[r] = true
				break
			}
		}
	}
	x.buildWithout(s)
	// each document's class: the index of its docMeta among the distinct ones
	x.mclass = make([]uint16, len(metas))
	classOf := map[docMeta]uint16{}
	for id, m := range metas {
		c, ok := classOf[m]
		if !ok {
			if len(x.classes) > int(classBits) {
				panic("codeset: more than 32,767 distinct document classes")
			}
			c = uint16(len(x.classes))
			classOf[m] = c
			x.classes = append(x.classes, m)
			x.hasSys[m.sys] = true
		}
		x.mclass[id] = c
	}
	metas = nil
	// postings in one backing array, counted first, and their classes
	counts := make([]uint32, len(x.terms))
	for _, t := range x.toks {
		counts[t]++
	}
	flat := make([]uint32, len(x.toks))
	flatCls := make([]uint16, len(x.toks))
	x.postCls = make([][]uint16, len(x.terms))
	off := uint32(0)
	for t, c := range counts {
		x.postings[t] = flat[off : off : off+c]
		x.postCls[t] = flatCls[off : off : off+c]
		off += c
	}
	for id := range x.mclass {
		cut := int(x.detail[id].cut)
		for k, t := range x.docToks(uint32(id)) {
			c := x.mclass[id]
			if k >= cut {
				c |= inNemod
			}
			x.postings[t] = append(x.postings[t], uint32(id))
			x.postCls[t] = append(x.postCls[t], c)
		}
	}
	x.impact = map[uint32]docList{}
	for t, p := range x.postings {
		if len(p) <= phraseCapDocs {
			continue
		}
		imp := slices.Clone(p)
		slices.SortStableFunc(imp, func(a, b uint32) int { return cmp.Compare(x.staticQuality(b), x.staticQuality(a)) })
		// a list no longer than capDocs is cut only for a phrase
		n := phraseCapDocs
		if len(p) > capDocs {
			n = capDocs
		}
		imp = imp[:n:n]
		x.impact[uint32(t)] = docList{imp, x.classesOf(imp, []uint32{uint32(t)})}
	}
	// term order for prefixes, weak flags, deletion index for misspellings
	x.sorted = make([]uint32, len(x.terms))
	x.weak = make([]bool, len(x.terms))
	x.vague = make([]bool, len(x.terms))
	x.pcsWeak = make([]bool, len(x.terms))
	for i := range x.sorted {
		x.sorted[i] = uint32(i)
		x.weak[i] = weakWords[x.terms[i]]
		x.pcsWeak[i] = x.weak[i] || pcsApproachWords[x.terms[i]]
		x.vague[i] = vagueWords[x.terms[i]]
	}
	sort.Slice(x.sorted, func(i, j int) bool { return x.terms[x.sorted[i]] < x.terms[x.sorted[j]] })
	var hs []uint64
	x.dels = make([]delEnt, 0, 48*len(x.terms))
	for id, w := range x.terms {
		if !delIndexed(w) {
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
	x.delDir = make([]uint32, 1<<delBits+1)
	for i, d := range x.dels {
		x.delDir[d.h>>(64-delBits)+1] = uint32(i + 1)
	}
	for b := 1; b < len(x.delDir); b++ {
		x.delDir[b] = max(x.delDir[b], x.delDir[b-1])
	}
	x.prefixDir = make([]uint32, 37*37*37+1)
	for i, t := range x.sorted {
		if b, ok := prefixBucket(x.terms[t]); ok {
			x.prefixDir[b+1] = uint32(i + 1)
		}
	}
	for b := 1; b < len(x.prefixDir); b++ {
		x.prefixDir[b] = max(x.prefixDir[b], x.prefixDir[b-1])
	}
	x.sortedTerms = make([]string, len(x.sorted))
	x.sortedDF = make([]uint32, len(x.sorted))
	for i, t := range x.sorted {
		x.sortedTerms[i] = x.terms[t]
		x.sortedDF[i] = uint32(len(x.postings[t]))
	}
	x.mainTerm = make([]bool, len(x.terms))
	for w := range mainWords {
		if id, ok := x.vocab[w]; ok {
			x.mainTerm[id] = true
		}
	}
	x.nearDF = make([]uint32, len(x.terms))
	for i := 0; i < len(x.dels); {
		j, most := i, 0
		for ; j < len(x.dels) && x.dels[j].h == x.dels[i].h; j++ {
			most = max(most, len(x.postings[x.dels[j].term]))
		}
		for _, d := range x.dels[i:j] {
			x.nearDF[d.term] = max(x.nearDF[d.term], uint32(most))
		}
		i = j
	}
	x.termDF = make([]uint32, len(x.terms))
	x.termIDF = make([]float32, len(x.terms))
	one := make([]uint32, 1)
	for t, p := range x.postings {
		x.termDF[t] = uint32(len(p))
		one[0] = uint32(t)
		x.termIDF[t] = x.idf(len(p), one)
	}
	x.buildSynonyms()
	x.fromID = nil
	x.titleWords = nil
	x.narrowed = nil
	x.buildWithTerms()
	x.termPref = make([]uint8, len(x.terms))
	for t, w := range x.terms {
		x.termPref[t] = prefOf(w)
	}
	return x
}

// clauseEnd ends a with-clause in Searcher.withTerms; absentTerm stands
// for a stem no text holds, which no query term matches.
const (
	clauseEnd  = ^uint32(0)
	absentTerm = ^uint32(0) - 1
)

// buildWithTerms turns the with-clause stems into term ids, code by code.
func (x *Searcher) buildWithTerms() {
	x.withAt = make([]uint32, len(x.codes)+1)
	for c := range x.codes {
		x.withAt[c] = uint32(len(x.withTerms))
		for _, w := range x.withStems[uint32(c)] {
			switch id, ok := x.vocab[w]; {
			case w == "":
				x.withTerms = append(x.withTerms, clauseEnd)
			case ok:
				x.withTerms = append(x.withTerms, id)
			default:
				x.withTerms = append(x.withTerms, absentTerm)
			}
		}
	}
	x.withAt[len(x.codes)] = uint32(len(x.withTerms))
	x.withStems = nil
}

// withoutVaries marks a code in Searcher.withoutAt whose releases' titles
// are "without" different things: run reads its dated entry's title.
const withoutVaries = 1 << 31

// buildWithout reads what run asks of a CM code's dated title from every
// release's title at once: whether it is "…, recurrent" (flagRecurrent)
// and what it is "without" (withoutNames). One table serves every
// release whose titles agree.
func (x *Searcher) buildWithout(s *Set) {
	names := map[uint32][]string{}
	varies := map[uint32]bool{}
	for _, r := range s.Releases {
		if r.System != ICD10CM {
			continue
		}
		for i := range r.Entries {
			e := &r.Entries[i]
			id, ok := x.codeIndex(ICD10CM, e.Code)
			if !ok {
				continue
			}
			t := e.Title()
			if strings.HasSuffix(t, ", recurrent") {
				x.info[id] |= flagRecurrent
				x.sysFlags[ICD10CM] |= flagRecurrent
			}
			if x.info[id]&flagWithout == 0 {
				continue
			}
			ns := withoutNames(t)
			if prev, seen := names[id]; seen && !slices.Equal(prev, ns) {
				varies[id] = true
			}
			names[id] = ns
		}
	}
	x.withoutAt = make([]uint32, len(x.codes)+1)
	for c := range x.codes {
		x.withoutAt[c] = uint32(len(x.withoutNames))
		if varies[uint32(c)] {
			x.withoutAt[c] |= withoutVaries
			continue
		}
		x.withoutNames = append(x.withoutNames, names[uint32(c)]...)
	}
	x.withoutAt[len(x.codes)] = uint32(len(x.withoutNames))
}

// titleWithoutQueryNames is withoutWhatQueryNames for code c, whose dated
// entry is e.
func (x *Searcher) titleWithoutQueryNames(query string, c uint32, e *Entry) bool {
	at := x.withoutAt[c]
	if at&withoutVaries != 0 {
		return withoutWhatQueryNames(query, e.Title())
	}
	return queryNamesAny(query, x.withoutNames[at:x.withoutAt[c+1]&^withoutVaries])
}

// the preference words a term may be (Searcher.termPref)
const (
	prefHistory uint8 = 1 << iota
	prefObstetric
	prefApproach
	prefLeft
	prefRight
	prefBilateral
)

// prefOf returns the preference words w is.
func prefOf(w string) uint8 {
	switch {
	case historyWords[w]:
		return prefHistory
	case obstetricWords[w]:
		return prefObstetric
	case approachWords[w]:
		return prefApproach
	case w == "left":
		return prefLeft
	case w == "right":
		return prefRight
	case w == "bilateral":
		return prefBilateral
	}
	return 0
}

// metaOf returns a document's first-pass fields.
func (x *Searcher) metaOf(doc uint32) *docMeta { return &x.classes[x.mclass[doc]] }

// inNemod marks a posting's class (Searcher.postCls, alt.cls, docAcc.cls)
// when one of its terms is among the document's nonessential modifiers.
// Scoring needs the document's own words only for such texts, and a walk
// of the query's lists learns it of each candidate for free, where asking
// each text costs a cache miss. The classes themselves are the bits below.
const (
	inNemod   uint16 = 1 << 15
	classBits        = inNemod - 1
)

// classesOf returns the class of each document of docs, marked inNemod
// where one of terms is among its nonessential modifiers.
func (x *Searcher) classesOf(docs, terms []uint32) []uint16 {
	out := make([]uint16, len(docs))
	for i, d := range docs {
		out[i] = x.mclass[d]
		dt := &x.detail[d]
		for _, t := range x.toks[dt.tokS+uint32(dt.cut) : x.detail[d+1].tokS] {
			if slices.Contains(terms, t) {
				out[i] |= inNemod
				break
			}
		}
	}
	return out
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

// seeBehavior names the neoplasm table's columns as a "see Neoplasm, …"
// reference does (the secondary column has no such references).
var seeBehavior = map[string]string{
	"Malignant Primary": "malignant", "Ca in situ": "in situ", "Benign": "benign",
	"Uncertain Behavior": "uncertain behavior", "Unspecified Behavior": "unspecified behavior",
}

// seeKey is an index path as a "see" reference names it: in lower case,
// each level by its first form ("Infarct, infarction" is "infarct",
// "myocardium, myocardial" "myocardium"), without "NEC", "NOS" or parenthesized
// words, and the levels run together ("Angina, with documented spasm" is
// the levels "with" and "documented spasm"): "see Dependence, drug,
// stimulant NEC" sends the reader to the path "Dependence", "drug NEC",
// "stimulant NEC" (F15.20), which the reference's words do not spell.
func seeKey(levels []string) string {
	var b strings.Builder
	for _, l := range levels {
		l, _, _ = strings.Cut(l, ",")
		for {
			i := strings.IndexByte(l, '(')
			j := strings.IndexByte(l[max(i, 0):], ')')
			if i < 0 || j < 0 {
				break
			}
			l = l[:i] + " " + l[i+j+1:]
		}
		for w := range strings.FieldsSeq(l) {
			if w == "NEC" || w == "NOS" {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strings.ToLower(w))
		}
	}
	return b.String()
}

// resolve turns an index or tabular code into the codes it leads to in the
// newest release: itself, its billable descendants when it is a header or
// no longer exists, or a replacement found through the GEMs or its nearest
// valid ancestor. Validity on the date of service is checked at query time.
//
// An index term's words narrow a header's descendants (see narrow).
func (x *Searcher) resolve(r *Release, code string, own via, hint string) []target {
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
	e := r.lookup(code)
	if e != nil && e.Billable {
		return out
	}
	const maxDesc = 60
	n := 0
	desc := r.descendants(code)
	def := headerDefault(desc)
	if def == "" && e != nil {
		// a code split in a later release keeps its meaning in the child
		// titled as it was: the index's "Ischemia, demand" at I24.8, now a
		// header, is I24.89 "Other forms of acute ischemic heart disease",
		// not its new sibling I24.81 "Acute coronary microvascular
		// dysfunction"
		for _, d := range desc {
			if d.Billable && strings.EqualFold(d.Title(), e.Title()) {
				def = d.Code
				break
			}
		}
	}
	keep := x.narrow(desc, hint)
	for _, d := range desc {
		if d.Billable && keep != nil && !keep[d] && d.Code != def {
			// still a code the index leads to, for the ranking of
			// codes newer than the index
			if id, ok := x.codeIndex(ICD10CM, d.Code); ok {
				x.narrowed[id] = true
			}
			continue
		}
		if d.Billable && (n < maxDesc || d.Code == def) {
			v := viaDescendant
			if d.Code == def {
				v = viaHeaderDefault
			}
			add(d.Code, v)
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

// narrow returns the billable descendants whose titles have every word
// of hint that tells the descendants apart — one some titles have and
// others lack — or nil to keep them all. The index's "Cellulitis, lower
// limb" at L03.11- leads to L03.115 and L03.116, not L03.111 "Cellulitis
// of right axilla". A word in none of the titles says nothing, and one in
// more than half of them names what they share, not what parts them
// ("ear" beneath H83.0 "Labyrinthitis", whose H83.03 "Labyrinthitis,
// bilateral" omits it); a hint that would keep no code keeps them all.
func (x *Searcher) narrow(desc []*Entry, hint string) map[*Entry]bool {
	if hint == "" || len(desc) < 2 {
		return nil
	}
	var want []string
	for _, w := range tokenize(hint, false) {
		if !vagueWords[w] && !slices.Contains(want, w) {
			want = append(want, w)
		}
	}
	has := func(d *Entry, w string) bool {
		// (the words are kept joined, one string per title: a slice of
		// words for each of some 90,000 titles cost 10–20 MB at the
		// build's peak)
		ws, ok := x.titleWords[d]
		if !ok {
			ws = " " + strings.Join(tokenize(d.Title(), false), " ") + " "
			x.titleWords[d] = ws
		}
		if strings.Contains(ws, " "+w+" ") {
			return true
		}
		// a number names its lettered parts: stage 3 is 3a and 3b
		if !isDigits(w) {
			return false
		}
		for rest := ws; ; {
			i := strings.Index(rest, " "+w)
			if i < 0 {
				return false
			}
			rest = rest[i+1:]
			t := rest[:strings.IndexByte(rest, ' ')]
			if !isDigits(t) {
				return true
			}
		}
	}
	var telling []string
	for _, w := range want {
		n, billable := 0, 0
		for _, d := range desc {
			if d.Billable {
				billable++
				if has(d, w) {
					n++
				}
			}
		}
		if n > 0 && 2*n <= billable {
			telling = append(telling, w)
		}
	}
	if len(telling) == 0 {
		return nil
	}
	keep := map[*Entry]bool{}
	for _, d := range desc {
		if !d.Billable {
			continue
		}
		ok := true
		for _, w := range telling {
			if !has(d, w) {
				ok = false
				break
			}
		}
		if ok {
			keep[d] = true
		}
	}
	if len(keep) == 0 && len(telling) > 1 && telling[0] == want[0] {
		// no title has every telling word: the main term names the
		// condition, a subterm what it goes with ("Psychosis,
		// postpartum" at F53 is F53.1 "Puerperal psychosis", not F53.0
		// "Postpartum depression")
		for _, d := range desc {
			if d.Billable && has(d, want[0]) {
				keep[d] = true
			}
		}
	}
	if len(keep) == 0 {
		return nil
	}
	return keep
}

// headerDefault returns the code a header's text defaults to when it
// says no more: the one billable descendant, shorter than every other
// unspecified one, whose title says "unspecified" (M10.9 "Gout,
// unspecified" beneath M10, not M10.00 "Idiopathic gout, unspecified
// site"), or "" when no single code is shortest.
func headerDefault(desc []*Entry) string {
	best, tie := "", false
	for _, d := range desc {
		if !d.Billable || !strings.Contains(strings.ToLower(d.Title()), "unspecified") {
			continue
		}
		switch {
		case best == "" || len(d.Code) < len(best):
			best, tie = d.Code, false
		case len(d.Code) == len(best):
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
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

// delIndexed reports whether the deletion index holds w's variants.
func delIndexed(w string) bool { return len(w) >= 4 && len(w) <= 64 && !isDigits(w[:1]) }

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

// delBits is how many leading bits of a deletion hash pick its bucket in
// the deletion index's directory.
const delBits = 18

// fuzzy returns vocabulary terms within the allowed edit distance of w.
// The deletion variants are hashed in a fixed order (w itself, then each
// single deletion followed by the double deletions it leads to) and each
// term is checked the first time a variant finds it, so the hits and their
// order depend only on w.
func (x *Searcher) fuzzy(sc *scratch, w string) []fuzzyHit {
	max := 0
	switch {
	case len(w) >= 7:
		max = 2
	case len(w) >= 4:
		max = 1
	default:
		return nil
	}
	lim := max // a six-letter word may have a letter moved (two edits)
	if max == 1 && len(w) >= 6 {
		lim = 2
	}
	m := &sc.memo[hash(w)&(fuzzyMemoSize-1)]
	if m.word == w && m.used {
		sc.fuzzy = append(sc.fuzzy[:0], m.hits[:m.n]...)
		return sc.fuzzy
	}
	out := sc.fuzzy[:0]
	sc.stamp++
	if sc.stamp == 0 { // wrapped: forget every old mark
		clear(sc.seen)
		sc.stamp = 1
	}
	look := func(h uint64) {
		b := h >> (64 - delBits)
		i, end := x.delDir[b], x.delDir[b+1]
		for i < end && x.dels[i].h < h {
			i++
		}
		for ; i < end && x.dels[i].h == h; i++ {
			t := x.dels[i].term
			if sc.seen[t] == sc.stamp {
				continue
			}
			sc.seen[t] = sc.stamp
			if d := damerau(w, x.terms[t], lim); d > 0 && (d <= max || d == 2 && movedLetter(w, x.terms[t])) {
				out = append(out, fuzzyHit{t, int32(d)})
			}
		}
	}
	var v1, v2 [64]byte
	look(hash(w))
	if len(w) > 1 && len(w) <= len(v1) {
		for i := 0; i < len(w); i++ {
			n := copy(v1[:], w[:i])
			n += copy(v1[n:], w[i+1:])
			look(hashBytes(v1[:n]))
			if max > 1 && n > 2 {
				for j := i; j < n; j++ {
					m := copy(v2[:], v1[:j])
					m += copy(v2[m:], v1[j+1:n])
					look(hashBytes(v2[:m]))
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b fuzzyHit) int {
		if a.dist != b.dist {
			return cmp.Compare(a.dist, b.dist)
		}
		return cmp.Compare(x.termDF[b.term], x.termDF[a.term])
	})
	if len(out) > len(m.hits) {
		out = out[:len(m.hits)]
	}
	sc.fuzzy = out
	m.word, m.used, m.n = w, true, uint8(copy(m.hits[:], out))
	return out
}

// fuzzyMemoSize is how many words' corrections a scratch remembers: more
// than the distinct words of the queries a coder types in a while.
const fuzzyMemoSize = 1024

// fuzzyMemo is one remembered word and its corrections (fuzzy). Typed
// queries ask for the same words keystroke after keystroke, and finding a
// word's corrections probes the deletion index, tens of megabytes that a
// query's other work has pushed out of the cache, some fifty times: the
// memo answers from one line. The corrections depend on the word alone.
type fuzzyMemo struct {
	word string
	used bool // (the empty word is never asked for, but say so)
	n    uint8
	hits [6]fuzzyHit
}

// movedLetter reports whether b is a with one letter moved: the same
// letters, the same length, at least six of them ("athsma" for
// "asthma"). Short words get one edit, and a letter typed a place or two
// early costs two, so this typo is let through on its own.
func movedLetter(a, b string) bool {
	if len(a) != len(b) || len(a) < 6 {
		return false
	}
	var n [256]int8
	for i := 0; i < len(a); i++ {
		n[a[i]]++
		n[b[i]]--
	}
	for _, c := range n {
		if c != 0 {
			return false
		}
	}
	return true
}

type fuzzyHit struct {
	term uint32
	dist int32
}

// prefixTerms returns up to n vocabulary terms that start with p, most
// frequent first.
func (x *Searcher) prefixTerms(sc *scratch, p string, n int) []uint32 {
	st := x.sortedTerms
	lo, hi := 0, len(st)
	if b, ok := prefixBucket(p); ok && len(p) >= 3 {
		lo, hi = int(x.prefixDir[b]), int(x.prefixDir[b+1])
	}
	i := lo + sort.Search(hi-lo, func(k int) bool { return st[lo+k] >= p })
	end := i + sort.Search(hi-i, func(k int) bool { return !strings.HasPrefix(st[i+k], p) })
	if i < end && st[i] == p {
		i++
	}
	hits := sc.prefix[:0]
	for k := i; k < end; k++ {
		hits = append(hits, prefixHit{x.sortedDF[k], x.sorted[k]})
	}
	slices.SortFunc(hits, func(a, b prefixHit) int { return cmp.Compare(b.df, a.df) })
	hits = hits[:min(len(hits), n)]
	sc.prefix = hits
	out := sc.prefixIDs[:0]
	for _, h := range hits {
		out = append(out, h.term)
	}
	sc.prefixIDs = out
	return out
}

type prefixHit struct{ df, term uint32 }

// prefixBucket numbers the first three characters of w (letters and
// digits; a missing one counts first) in string order, so that the terms
// starting with them are one run of Searcher.sortedTerms.
func prefixBucket(w string) (int, bool) {
	b := 0
	for i := 0; i < 3; i++ {
		c := 0
		if i < len(w) {
			switch ch := w[i]; {
			case ch >= '0' && ch <= '9':
				c = 1 + int(ch-'0')
			case ch >= 'a' && ch <= 'z':
				c = 11 + int(ch-'a')
			default:
				return 0, false
			}
		}
		b = b*37 + c
	}
	return b, true
}

// synEntry is a synonym list entry made ready for queries: the typed
// words' own alternative (when they are all in the vocabulary) and the
// expansions', with their documents.
type synEntry struct {
	key  string
	alts []alt
}

// buildSynonyms readies every synonym entry, intersecting the documents of
// multi-word phrases and expansions once rather than per query.
func (x *Searcher) buildSynonyms() {
	x.synAlts = make(map[string]synEntry, len(x.syn))
	sc := &scratch{}
	for key, exp := range x.syn {
		words := strings.Split(key, " ")
		single := len(words) == 1
		var alts []alt
		if !single || x.hasTerm(key) {
			if ids, ok := x.lookupAll(sc, words); ok {
				alts = append(alts, alt{terms: slices.Clone(ids), weight: 1})
			}
		}
		// the expansions in the list's order, the first the likeliest
		// reading: each weighs a little less than the one before
		for k, e := range exp {
			if len(e) == 1 && single && e[0] == key {
				continue // the word itself, already added
			}
			if ids, ok := x.lookupAll(sc, e); ok {
				alts = append(alts, alt{terms: slices.Clone(ids), weight: 0.96 - 0.005*float32(min(k, 4)), why: whySynonym})
			}
		}
		for i := range alts {
			sc.ids = sc.ids[:0]
			alts[i].post = x.intersect(sc, alts[i].terms)
			if len(alts[i].terms) > 1 {
				alts[i].post = slices.Clone(alts[i].post)
				alts[i].cls = x.classesOf(alts[i].post, alts[i].terms)
			} else {
				alts[i].cls = x.postCls[alts[i].terms[0]]
			}
			alts[i].idf = x.idf(len(alts[i].post), alts[i].terms)
		}
		if len(alts) > 0 {
			x.synAlts[key] = synEntry{key, alts}
			if single && len(key) >= 6 && len(key) < len(x.synWords) {
				x.synWords[len(key)] = append(x.synWords[len(key)], key)
			}
		}
	}
	for i := range x.synWords {
		slices.Sort(x.synWords[i])
		x.synMasks[i] = make([]uint32, len(x.synWords[i]))
		for j, k := range x.synWords[i] {
			x.synMasks[i][j] = letterMask(k)
		}
	}
}

// letterMask returns the set of letters a to z that w holds, a bit each
// (other bytes share the last bits).
func letterMask(w string) uint32 {
	var m uint32
	for i := 0; i < len(w); i++ {
		m |= 1 << ((w[i] - 'a') & 31)
	}
	return m
}

// synonymSpelling returns the one-word synonym key that w, a word no text
// holds, misspells ("cholecystecomy", "colonscopy", "thoracentisis": the
// titles say "resection of gallbladder", and a word corrected by the fuzzy
// index of the titles' words loses its synonyms), or "" when none is, or
// several are as near, or a word of the texts is nearer.
func (x *Searcher) synonymSpelling(sc *scratch, w string) string {
	if len(w) < 6 || x.hasTerm(w) || x.synFirst[w] > 0 {
		return ""
	}
	lim := 1
	if len(w) >= 8 {
		lim = 2
	}
	best, bestD, ties := "", lim+1, 0
	// (only keys of a length within lim of w's can be that near)
	// (and each edit changes at most two letters of those a word holds)
	wm := letterMask(w)
	for n := max(6, len(w)-lim); n <= min(len(w)+lim, len(x.synWords)-1); n++ {
		for i, k := range x.synWords[n] {
			if bits.OnesCount32(wm^x.synMasks[n][i]) > 2*lim {
				continue
			}
			if d := damerau(w, k, lim); d <= lim {
				switch {
				case d < bestD:
					best, bestD, ties = k, d, 0
				case d == bestD:
					ties++
				}
			}
		}
	}
	if ties > 0 || best == "" {
		return ""
	}
	for _, h := range x.fuzzy(sc, w) {
		if int(h.dist) < bestD {
			return ""
		}
	}
	return best
}

// SearchOptions narrow a search.
type SearchOptions struct {
	Systems []System // empty: every loaded system
	Date    Date     // date of service; zero: each system's newest release
	Limit   int      // zero: 20
	Explain bool     // fill Result.Explain
	// Phrase says the query is a phrase read from a note, not typed: a
	// code's text must hold one of the query's Phrase rarest words (after
	// synonyms and spelling) to be considered. Long phrases then skip the
	// long lists of their common words.
	Phrase int

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

// Code looks one code up by its exact value, without searching: the
// entry valid on date d (the latest release when d is zero), as a Result
// with its published form and title. ok is false when the code does not
// exist then.
func (x *Searcher) Code(sys System, code string, d Date) (r Result, ok bool) {
	var e *Entry
	if d == 0 {
		if rel := x.set.Latest(sys); rel != nil {
			e = rel.lookup(NormalizeCode(code))
		}
	} else {
		e = x.set.Lookup(sys, code, d)
	}
	if e == nil {
		return Result{}, false
	}
	return Result{System: sys, Code: FormatCode(sys, e.Code), Title: e.Title(), Billable: e.Billable, Matched: e.Title(), Source: "code"}, true
}

// whyKind says how a query word reached an alternative, for Explain; the
// sentence is written only when asked for.
type whyKind uint8

const (
	whyFound     whyKind = iota // the word itself, or the typed phrase
	whySynonym                  // a synonym or abbreviation's expansion
	whyCorrected                // a spelling correction
	whyCompleted                // a completion of the word being typed
	whyJoined                   // two words written apart, joined
)

// alt is one way to satisfy a query slot: all its terms must be present.
type alt struct {
	terms  []uint32
	weight float32
	key    float32 // weight + 0.05 per term: which alternative of a slot is preferred
	iw     float32 // the slot's idf × weight
	idf    float32 // of the terms' documents together
	why    whyKind
	dist   uint8    // edit distance of a correction
	ess    uint8    // the terms that are not weak words: what the alternative explains of a text
	essP   uint8    // ess as a PCS title counts it, without its approach words
	qi     []uint16 // the terms' indexes into scratch.qterms
	post   []uint32
	cls    []uint16 // the class of each document of post
}

// whyText says how the slot's word reached a.
func (x *Searcher) whyText(sl *slot, a *alt) string {
	switch a.why {
	case whySynonym:
		ws := make([]string, len(a.terms))
		for i, t := range a.terms {
			ws[i] = x.terms[t]
		}
		return fmt.Sprintf("%q read as %q", sl.text, strings.Join(ws, " "))
	case whyCorrected:
		return fmt.Sprintf("%q corrected to %q (edit distance %d)", sl.text, x.terms[a.terms[0]], a.dist)
	case whyCompleted:
		return fmt.Sprintf("%q completed to %q", sl.text, x.terms[a.terms[0]])
	case whyJoined:
		return fmt.Sprintf("%q read as one word, %q", sl.text, x.terms[a.terms[0]])
	}
	return ""
}

// slot is one concept of the query (a word or a phrase with its synonyms).
type slot struct {
	text string
	alts []alt
	idf  float32
}

// scratch is one query's working memory, reused from query to query.
type scratch struct {
	qids      idTable // the query's term ids (queryIDs)
	qidsReady bool
	inAcc     []uint64 // one bit per document: it has an accumulator
	accAt     []int32  // per document whose inAcc bit is set, its index into acc (1.3 MB, no hashing or probing on the hot walk; valid only under the bit, so never cleared)
	ttab      idTable  // term → a slot's best one-word alternative
	acc       []docAcc
	sel       []int32
	cut       []uint32
	cutCls    []uint16
	ctab      idTable // code → index into cand
	cand      []cand
	keep      []kept
	top       []float32
	altIW     []float32 // per slot, a zero then its alternatives' iw: the first pass's tables
	altEss    []uint8   // and their ess
	altEssP   []uint8   // and their essP

	slots []slot
	alts  []alt
	ids   []uint32 // alternatives' terms and intersections
	qis   []uint16 // alternatives' term indexes
	key   []byte

	qtab   idTable  // term → index into qterms
	qterms []uint32 // the query's distinct terms
	qbits  []uint64 // one bit per term: it is in qterms (a few KB, in cache: most of a text's terms are not the query's)
	tpos   []int32  // per query term: its position in the document scored, -1 absent

	seen      []uint32 // term → stamp of the last fuzzy lookup that saw it
	stamp     uint32
	fuzzy     []fuzzyHit
	memo      *[fuzzyMemoSize]fuzzyMemo // recent words' corrections, by hash
	prefix    []prefixHit
	prefixIDs []uint32
}

// docAcc gathers one candidate document's matches: per slot, 1 + the index
// of the best alternative found (0: none).
type docAcc struct {
	doc   uint32
	score float32 // the first pass's upper bound
	part  float32 // the score before the length factor and via weight
	alt   [maxSlots]uint8
	cls   uint16 // the document's class
}

type cand struct {
	code  uint32
	score float32
	doc   uint32
	tg    uint32
}

type kept struct {
	c     cand
	e     *Entry
	score float32
}

const maxSlots = 10

// releases are the releases one search looks in, by system.
type releases struct {
	by    [CPT + 1]*Release
	idx   [CPT + 1][]int32 // code id → entry index << 1 | billable, -1 absent (Searcher.entryIdx)
	dated [CPT + 1]bool    // some entry has its own dates (Entry.From, To)
	n     int
}

// getScratch takes a scratch from the searcher's free list. The list is not
// emptied by the garbage collector (as a sync.Pool is), so a query never
// pays for allocating and clearing the per-document arrays.
func (x *Searcher) getScratch() *scratch {
	x.freeMu.Lock()
	if n := len(x.free); n > 0 {
		sc := x.free[n-1]
		x.free = x.free[:n-1]
		x.freeMu.Unlock()
		return sc
	}
	x.freeMu.Unlock()
	return &scratch{seen: make([]uint32, len(x.terms)), inAcc: make([]uint64, (len(x.texts)+63)/64), accAt: make([]int32, len(x.texts)), memo: new([fuzzyMemoSize]fuzzyMemo)}
}

// maxFree bounds how many scratches the searcher keeps between queries.
const maxFree = 8

func (x *Searcher) putScratch(sc *scratch) {
	x.freeMu.Lock()
	if len(x.free) < maxFree {
		x.free = append(x.free, sc)
	}
	x.freeMu.Unlock()
}

// codeShaped reports whether w has a code's shape: up to three letters or
// digits, a digit, then letters, digits and dots ("E11.2", "0DT", "J1100");
// or a digit and two to six letters or digits. (The regular expression
// ^[A-Za-z0-9]{1,3}[0-9][A-Za-z0-9.]*$|^[0-9][A-Za-z0-9]{2,6}$, without
// its cost.)
func codeShaped(w string) bool {
	alnum := func(c byte) bool { return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }
	if len(w) >= 3 && len(w) <= 7 && w[0] >= '0' && w[0] <= '9' {
		all := true
		for i := 1; i < len(w); i++ {
			all = all && alnum(w[i])
		}
		if all {
			return true
		}
	}
	for i := 0; i < len(w); i++ {
		if !alnum(w[i]) && w[i] != '.' {
			return false
		}
	}
	for i := 1; i <= 3 && i < len(w); i++ {
		if !alnum(w[i-1]) {
			return false
		}
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

// looksLikeCode reports whether a query word is a code or code prefix
// ("E11.2", "0DT", "99213", "J1100") rather than a word.
func looksLikeCode(w string) bool {
	if len(w) < 3 || len(w) > 8 || !codeShaped(w) {
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
	var rels releases
	for _, sys := range systems {
		if int(sys) >= len(rels.by) || rels.by[sys] != nil {
			continue
		}
		var r *Release
		if opt.Date == 0 {
			r = x.set.Latest(sys)
		} else {
			r = x.set.ReleaseAt(sys, opt.Date)
		}
		if r != nil {
			rels.by[sys] = r
			rels.idx[sys] = x.entryIdx[r]
			rels.dated[sys] = x.dated[r]
			rels.n++
		}
	}
	if rels.n == 0 {
		return nil
	}
	fields := strings.Fields(q)
	var prefixes []string
	words := fields[:0:0]
	for _, f := range fields {
		if looksLikeCode(f) && x.isCodePrefix(NormalizeCode(f), &rels) {
			prefixes = append(prefixes, NormalizeCode(f))
		} else {
			words = append(words, f)
		}
	}
	if len(words) == 0 && len(prefixes) > 0 {
		return x.codePrefix(prefixes, &rels, opt)
	}
	if r := rels.by[ICD10CM]; r != nil {
		words = bmiRanges(r, words)
	}
	if rels.by[ICD10CM] != nil && opt.Phrase == 0 {
		// (a phrase read from a note keeps its weeks: the note's reader
		// gives the trimester from the whole note, and "intrauterine
		// pregnancy at 33 weeks" is Z3A.33)
		words = gestationTrimester(words)
	}
	if rels.by[ICD10PCS] != nil {
		words = debridementDepth(words)
		words = catheterTip(words)
		words = coronaryStents(words)
		words = partialResection(words)
		if rels.by[ICD10CM] == nil {
			words = x.bodyParts(words)
		}
	}
	if rels.by[ICD10CM] != nil {
		words = metastasisFrom(words)
		words = jointProsthesis(words)
	}
	opt.query = " " + strings.ToLower(q) + " "
	asYouType := len(q) > 0 && q[len(q)-1] != ' '
	sc := x.getScratch()
	defer x.putScratch(sc)
	slots := x.parse(sc, strings.Join(words, " "), asYouType)
	if len(slots) == 0 {
		return nil
	}
	return x.run(sc, slots, &rels, prefixes, opt)
}

// bmiRange is a body mass index range as a Z68 title writes it: "40.0-44.9",
// "19.9 or less", "70 or greater".
var bmiRange = regexp.MustCompile(`(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?)| or (less|greater))`)

// bmiRanges writes a body mass index the query gives as a number ("bmi
// 42") as the range of the Z68 title that holds it ("bmi 40.0-44.9"), so
// that the number matches the words of its code.
func bmiRanges(r *Release, words []string) []string {
	said := false
	for _, w := range words {
		if strings.EqualFold(strings.Trim(w, ",.:;"), "bmi") {
			said = true
		}
	}
	if !said {
		return words
	}
	var out []string
	for i, w := range words {
		v, err := strconv.ParseFloat(strings.Trim(w, ",;:"), 64)
		if err != nil || v < 1 || v > 200 {
			continue
		}
		for _, e := range r.descendants("Z68") {
			if !e.Billable {
				continue // the headers' ranges ("30-39") hold the codes'
			}
			m := bmiRange.FindStringSubmatch(e.Title())
			if m == nil {
				continue
			}
			lo, _ := strconv.ParseFloat(m[1], 64)
			hi := lo
			if m[2] != "" {
				hi, _ = strconv.ParseFloat(m[2], 64)
			}
			if m[3] == "less" && v < lo+0.05 || m[3] == "greater" && v >= lo || m[2] != "" && v >= lo && v < hi+0.05 {
				if out == nil {
					out = append([]string(nil), words...)
				}
				out[i] = m[0]
				break
			}
		}
	}
	if out == nil {
		return words
	}
	return out
}

// isCodePrefix reports whether some code of the releases starts with p.
func (x *Searcher) isCodePrefix(p string, rels *releases) bool {
	for _, r := range rels.by {
		if r == nil {
			continue
		}
		i := sort.Search(len(r.Entries), func(i int) bool { return r.Entries[i].Code >= p })
		if i < len(r.Entries) && strings.HasPrefix(r.Entries[i].Code, p) {
			return true
		}
	}
	return false
}

// parse turns the query words into slots.
func (x *Searcher) parse(sc *scratch, q string, asYouType bool) []slot {
	written := arabicStages(splitWords(joinShorthand(q), false))
	toks := make([]string, len(written))
	for i, w := range written {
		toks[i] = stem(w)
	}
	for i, t := range toks {
		if k := x.synonymSpelling(sc, t); k != "" {
			if i == 0 {
				toks = slices.Clone(toks)
			}
			toks[i] = k
		}
	}
	raw := toks
	slots := sc.slots[:0]
	sc.alts, sc.ids, sc.qis = sc.alts[:0], sc.ids[:0], sc.qis[:0]
	sc.qidsReady = false
	lesion := false // the query names a tumor, lesion, polyp…: see below
	repair := false // the query repairs something: see below
	for _, t := range toks {
		lesion = lesion || lesionWords[t]
		repair = repair || repairWords[t]
	}
	var doses uint32 // slots of a dose ("30 mg"), which weigh little
	for i := 0; i < len(toks) && len(slots) < maxSlots; {
		// the longest synonym phrase starting here; then two words the
		// code set writes as one ("ear ache", "fore arm"), before a
		// synonym of the first word alone
		// "30 mg": a unit after a number is a dose, not an abbreviation
		// (myasthenia gravis)
		dose := i > 0 && isNumber(toks[i-1]) && doseUnits[toks[i]]
		if dose && len(slots) > 0 && slots[len(slots)-1].text == toks[i-1] {
			doses |= 1 << (len(slots) - 1) // the number
			doses |= 1 << len(slots)       // the unit, whose slot comes next
		}
		matched := 0
		if !dose {
			matched = x.synonymSlot(sc, toks[i:], 2, &slots)
		}
		if matched == 0 && i+1 < len(toks) {
			if sl, ok := x.compound(sc, written[i], written[i+1], toks[i], toks[i+1]); ok {
				slots = append(slots, sl)
				matched = 2
			}
		}
		if matched == 0 && !dose {
			matched = x.synonymSlot(sc, toks[i:], 1, &slots)
		}
		if matched > 0 {
			i += matched
			continue
		}
		w := toks[i]
		start := len(sc.alts)
		last := i == len(raw)-1
		if id, ok := x.vocab[w]; ok {
			sc.alts = append(sc.alts, alt{terms: x.one(sc, id), weight: 1, post: x.postings[id], cls: x.postCls[id], idf: x.termIDF[id]})
		}
		exactDF := 0
		if len(sc.alts) > start {
			exactDF = int(x.termDF[sc.alts[start].terms[0]])
		}
		// "dislocated", "perforated", "infected" stem to the noun's
		// stem less its ending: the titles' "dislocation" is the
		// commoner word
		if n := len(w); n >= 5 && w[n-1] == 't' && len(written[i]) > n {
			var buf [64]byte
			if n+3 <= len(buf) {
				d := append(append(buf[:0], w...), "ion"...)
				if id, ok := x.vocab[string(d)]; ok && int(x.termDF[id]) > exactDF {
					sc.alts = append(sc.alts, alt{terms: x.one(sc, id), weight: 0.95, why: whySynonym, post: x.postings[id], cls: x.postCls[id], idf: x.termIDF[id]})
				}
			}
		}
		// "osteoporotic", "psychotic", "arthritic", "septic": the
		// adjective of a noun in -sis or -tis, the titles' commoner word
		if n := len(w); n >= 6 && strings.HasSuffix(w, "tic") {
			for _, end := range [...]string{"sis", "tis"} {
				var buf [64]byte
				if n <= len(buf) {
					d := append(append(buf[:0], w[:n-3]...), end...)
					if id, ok := x.vocab[string(d)]; ok && int(x.termDF[id]) > exactDF {
						sc.alts = append(sc.alts, alt{terms: x.one(sc, id), weight: 0.95, why: whySynonym, post: x.postings[id], cls: x.postCls[id], idf: x.termIDF[id]})
					}
				}
			}
		}
		// "hypoxic", "anemic", "hypercapnic": the adjective of a noun in
		// -ia, the titles' commoner word
		if n := len(w); n >= 6 && strings.HasSuffix(w, "ic") && !strings.HasSuffix(w, "tic") {
			if id, ok := x.vocab[stem(w[:n-2]+"ia")]; ok && int(x.termDF[id]) > exactDF {
				sc.alts = append(sc.alts, alt{terms: x.one(sc, id), weight: 0.95, why: whySynonym, post: x.postings[id], cls: x.postCls[id], idf: x.termIDF[id]})
			}
		}
		if exactDF < 10 {
			x.split(sc, w, exactDF)
		}
		// a correction must be much commoner than a rare exact word: none
		// is when no term sharing a deletion hash with w is
		// (a word that is by itself a main term of the index, such as
		// "ileus", is a word of the trade, not a misspelling of "ileum")
		noneCommoner := exactDF > 0 && (x.mainTerm[sc.alts[start].terms[0]] ||
			delIndexed(w) && int(x.nearDF[sc.alts[start].terms[0]]) < 5*exactDF+10)
		if (len(w) >= 5 || exactDF == 0) && !noneCommoner {
			for rank, h := range x.fuzzy(sc, w) {
				// a correction must be much commoner than a rare exact word
				if exactDF > 0 && int(x.termDF[h.term]) < 5*exactDF+10 {
					continue
				}
				wt := float32(0.8)
				if h.dist == 2 {
					wt = 0.7
				}
				wt -= 0.01 * float32(rank)
				if exactDF > 0 && int(x.termDF[h.term]) >= 10*exactDF {
					// "did you mean": the common word beats the rare one
					wt = 0.86 - 0.01*float32(rank)
					sc.alts[start].weight = 0.82
				}
				sc.alts = append(sc.alts, alt{terms: x.one(sc, h.term), weight: wt, why: whyCorrected, dist: uint8(h.dist), post: x.postings[h.term], cls: x.postCls[h.term], idf: x.termIDF[h.term]})
			}
		}
		if last && asYouType && len(w) >= 3 || len(sc.alts) == start && len(w) >= 4 {
			for _, t := range x.prefixTerms(sc, w, 24) {
				sc.alts = append(sc.alts, alt{terms: x.one(sc, t), weight: 0.85, why: whyCompleted, post: x.postings[t], cls: x.postCls[t], idf: x.termIDF[t]})
			}
		}
		// "resection of bladder tumor": taking out a lesion takes part of
		// the organ, an Excision in PCS, not the Resection of all of it
		if lesion && w == resectionStem {
			if id, ok := x.vocab[excisionStem]; ok {
				sc.alts = append(sc.alts, alt{terms: x.one(sc, id), weight: 1, why: whySynonym, post: x.postings[id], cls: x.postCls[id], idf: x.termIDF[id]})
			}
		}
		// "repair of laceration of right hand": a laceration repaired is
		// the skin's Repair (0HQF), not the hand's
		if repair && w == lacerationStem {
			if id, ok := x.vocab[skinStem]; ok {
				sc.alts = append(sc.alts, alt{terms: x.one(sc, id), weight: 1, why: whySynonym, post: x.postings[id], cls: x.postCls[id], idf: x.termIDF[id]})
			}
		}
		if len(sc.alts) > start {
			slots = append(slots, slot{text: w, alts: sc.alts[start:len(sc.alts):len(sc.alts)]})
		}
		i++
	}
	for si := range slots {
		sl := &slots[si]
		// a word typed whole weighs what it weighs: a rare completion of
		// it ("hip" → "hippocampus") must not make it weigh more, or every
		// text without the last word typed loses to texts with it
		best, completed := float32(0), float32(0)
		for ai := range sl.alts {
			a := &sl.alts[ai]
			if a.why == whyCompleted {
				completed = max(completed, a.idf*a.weight)
			} else {
				best = max(best, a.idf*a.weight)
			}
		}
		if best == 0 {
			best = completed
		}
		// a word typed whole that many texts hold weighs about what it
		// weighs, however rare a synonym of it: "dialysis" is not as
		// rare as "performance of urinary filtration", and "esrd on
		// dialysis" wants N18.6 beside Z99.2, not Y84.1 first
		for ai := range sl.alts {
			if a := &sl.alts[ai]; a.why == whyFound && a.weight == 1 && len(a.terms) == 1 && len(a.post) >= literalCapDF {
				best = min(best, a.idf*1.1)
				break
			}
		}
		// a drug's dose seldom matches the amount its code is billed per
		// ("ketorolac 30 mg": J1885 is per 15 mg): the drug decides
		if doses&(1<<si) != 0 {
			best *= doseWeight
		}
		sl.idf = best
		for ai := range sl.alts {
			a := &sl.alts[ai]
			a.key = a.weight + 0.05*float32(uint8(len(a.terms)))
			a.ess, a.essP = 0, 0
			for _, t := range a.terms {
				if typedElsewhere(slots, si, t) {
					continue // that slot counts the word ("cvc insertion")
				}
				if w := x.terms[t]; !x.weak[t] || si+1 < len(slots) && (w == "right" || w == "left") && heartSide(w, firstStem(slots[si+1].text)) {
					a.ess++
				}
				if !x.pcsWeak[t] {
					a.essP++
				}
			}
			a.iw = sl.idf * a.weight
		}
	}
	sc.slots = slots
	return slots
}

// typedElsewhere reports whether term t is the word typed in a slot other
// than slot si: a text holding t matches that slot too, which counts t
// among the words of the text the query explains.
func typedElsewhere(slots []slot, si int, t uint32) bool {
	for sj := range slots {
		if sj != si && len(slots[sj].alts) > 0 {
			a := &slots[sj].alts[0]
			if a.why == whyFound && len(a.terms) == 1 && a.terms[0] == t {
				return true
			}
		}
	}
	return false
}

// synonymSlot appends the slot of the longest synonym entry, of least
// words or more, that toks starts with, and returns how many words it took.
func (x *Searcher) synonymSlot(sc *scratch, toks []string, least int, slots *[]slot) int {
	for L := min(x.synFirst[toks[0]], len(toks)); L >= least; L-- {
		sc.key = sc.key[:0]
		for k, t := range toks[:L] {
			if k > 0 {
				sc.key = append(sc.key, ' ')
			}
			sc.key = append(sc.key, t...)
		}
		se, ok := x.synAlts[string(sc.key)]
		if !ok {
			continue
		}
		key := toks[0]
		if L > 1 {
			key = se.key
		}
		start := len(sc.alts)
		sc.alts = append(sc.alts, se.alts...)
		*slots = append(*slots, slot{text: key, alts: sc.alts[start:len(sc.alts):len(sc.alts)]})
		return L
	}
	return 0
}

// compound returns a slot for two query words that the vocabulary also
// holds as one word (a and b as written, sa and sb stemmed): the joined
// word, or both words in the same text.
func (x *Searcher) compound(sc *scratch, a, b, sa, sb string) (slot, bool) {
	if len(a) < 2 || len(b) < 3 || !isLetters(a) || !isLetters(b) {
		return slot{}, false
	}
	// "opioid de" joins to "opioidde", which stems back to "opioid": a
	// second word that is only an ending is no word of its own
	j := stem(a + b)
	id, ok := x.vocab[j]
	if !ok || j == sa || j == sb {
		return slot{}, false
	}
	start := len(sc.alts)
	sc.alts = append(sc.alts, alt{terms: x.one(sc, id), weight: 1, why: whyJoined, post: x.postings[id], cls: x.postCls[id], idf: x.termIDF[id]})
	if ia, ok := x.vocab[sa]; ok {
		if ib, ok := x.vocab[sb]; ok && ia != ib {
			n := len(sc.ids)
			sc.ids = append(sc.ids, ia, ib)
			terms := sc.ids[n : n+2 : n+2]
			post := x.intersect(sc, terms)
			if len(post) > 0 {
				sc.alts = append(sc.alts, alt{terms: terms, weight: 1, post: post, cls: x.classesOf(post, terms), idf: x.idf(len(post), terms)})
			}
		}
	}
	return slot{text: a + " " + b, alts: sc.alts[start:len(sc.alts):len(sc.alts)]}, true
}

// split adds to the scratch's alternatives the two words that a word not
// in the vocabulary joins ("preeclampsia" for the titles' "pre-eclampsia",
// "hipbone"), when many more texts hold both than hold the word itself
// (df): the split with the longest first word that does.
func (x *Searcher) split(sc *scratch, w string, df int) {
	if len(w) < 7 || !isLetters(w) {
		return
	}
	for i := len(w) - 3; i >= 3; i-- {
		a, ok := x.vocab[stem(w[:i])]
		if !ok {
			continue
		}
		b, ok := x.vocab[stem(w[i:])]
		if !ok || a == b {
			continue
		}
		n := len(sc.ids)
		sc.ids = append(sc.ids, a, b)
		terms := sc.ids[n : n+2 : n+2]
		post := x.intersect(sc, terms)
		if len(post) <= 5*df {
			sc.ids = sc.ids[:n]
			continue
		}
		sc.alts = append(sc.alts, alt{terms: terms, weight: 0.95, why: whyJoined, post: post, cls: x.classesOf(post, terms), idf: x.idf(len(post), terms)})
		return
	}
}

// isLetters reports whether w is all lower-case letters.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// one returns a one-term list from the scratch's arena.
func (x *Searcher) one(sc *scratch, id uint32) []uint32 {
	n := len(sc.ids)
	sc.ids = append(sc.ids, id)
	return sc.ids[n : n+1 : n+1]
}

// idf weighs a query alternative found in df documents: rare words
// weigh more, and vague ones little.
func (x *Searcher) idf(df int, terms []uint32) float32 {
	N := float32(len(x.mclass) + 1)
	idf := float32(math.Log(float64(1 + N/(float32(df)+1))))
	if allVague(x, terms) {
		idf *= 0.3
	}
	return idf
}

// allVague reports whether every term is a vague word ("other",
// "unspecified") that should weigh little in a query.
func allVague(x *Searcher, ts []uint32) bool {
	for _, t := range ts {
		if !x.vague[t] {
			return false
		}
	}
	return true
}

func (x *Searcher) hasTerm(w string) bool { _, ok := x.vocab[w]; return ok }

// lookupAll returns the term ids of ws from the scratch's arena, or false
// when one is not in the vocabulary.
func (x *Searcher) lookupAll(sc *scratch, ws []string) ([]uint32, bool) {
	n := len(sc.ids)
	for _, w := range ws {
		id, ok := x.vocab[w]
		if !ok {
			sc.ids = sc.ids[:n]
			return nil, false
		}
		sc.ids = append(sc.ids, id)
	}
	return sc.ids[n:len(sc.ids):len(sc.ids)], true
}

// intersect returns the documents holding every term, in the scratch's
// arena when there is more than one term. The shortest list leads; each
// other list is searched by galloping from where the last match was.
func (x *Searcher) intersect(sc *scratch, ts []uint32) []uint32 {
	if len(ts) == 1 {
		return x.postings[ts[0]]
	}
	lead := ts[0]
	for _, t := range ts[1:] {
		if len(x.postings[t]) < len(x.postings[lead]) {
			lead = t
		}
	}
	// the first other list filters the lead into the arena, the rest
	// filter that in place
	n := len(sc.ids)
	src := x.postings[lead]
	first := true
	for _, t := range ts {
		if t == lead {
			continue
		}
		l := x.postings[t]
		k, j := 0, 0
		for _, d := range src {
			if j < len(l) && l[j] < d {
				j = gallop(l, j, d)
			}
			if j == len(l) {
				break
			}
			if l[j] == d {
				if first {
					sc.ids = append(sc.ids, d)
				} else {
					src[k] = d
				}
				k++
			}
		}
		if first {
			src = sc.ids[n:]
			first = false
		} else {
			src = src[:k]
		}
	}
	if first { // every term is the lead
		return src
	}
	sc.ids = sc.ids[:n+len(src)]
	out := src
	return out[:len(out):len(out)]
}

// gallop returns the first index from j on where l holds d or more, given
// l[j] < d: it doubles its step, then halves the last one.
func gallop(l []uint32, j int, d uint32) int {
	step := 1
	for j+step < len(l) && l[j+step] < d {
		j += step
		step *= 2
	}
	lo, hi := j+1, min(j+step, len(l))
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if l[m] < d {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func (x *Searcher) run(sc *scratch, slots []slot, rels *releases, prefixes []string, opt SearchOptions) []Result {
	// slots with the fewest documents first (a stable order)
	var order [maxSlots]int
	var sizes [maxSlots]int
	for i := range slots {
		order[i] = i
		for _, a := range slots[i].alts {
			sizes[i] += len(a.post)
		}
		for j := i; j > 0 && sizes[order[j]] < sizes[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	// the last query's bits (its accumulators are still in acc)
	for i := range sc.acc {
		sc.inAcc[sc.acc[i].doc>>6] = 0
	}
	sc.acc = sc.acc[:0]
	// a document of a system not searched never becomes a candidate, so
	// it takes no place among the best documents of the first pass
	var sysOK [CPT + 1]bool
	allOK := true // every system with texts is searched: no test needed
	for sys, r := range rels.by {
		sysOK[sys] = r != nil
		allOK = allOK && (r != nil || !x.hasSys[sys])
	}
	capped := false // some list was cut to its best documents
	cut := capDocs
	if opt.Phrase > 0 {
		cut = phraseCapDocs
	}
	const bigList = 6000
	for k, si := range order[:len(slots)] {
		sl := &slots[si]
		size := sizes[si]
		onlyExisting := k > 0 && len(sc.acc) > 0 && (size > bigList || opt.Phrase > 0 && k >= opt.Phrase)
		if onlyExisting && len(sc.acc)*8 < size {
			// few candidates, long lists: look the terms up in each
			// candidate's own words instead of walking the lists. Each
			// candidate takes the alternative a walk would give it: the
			// highest key, the first of equal keys.
			better := func(ai, bi int) bool {
				return sl.alts[ai].key > sl.alts[bi].key || sl.alts[ai].key == sl.alts[bi].key && ai < bi
			}
			// the best one-word alternative of each word
			tab := &sc.ttab
			tab.reset(len(sl.alts))
			multi := false
			for ai := range sl.alts {
				a := &sl.alts[ai]
				if len(a.terms) != 1 {
					multi = true
					continue
				}
				h := tab.find(a.terms[0])
				if tab.keys[h] == 0 {
					tab.keys[h], tab.vals[h] = a.terms[0]+1, int32(ai)
				} else if better(ai, int(tab.vals[h])) {
					tab.vals[h] = int32(ai)
				}
			}
			for i := range sc.acc {
				ac := &sc.acc[i]
				toks := x.docToks(ac.doc)
				cut := int(x.detail[ac.doc].cut)
				best := -1
				for k, t := range toks {
					if h := tab.find(t); tab.keys[h] != 0 {
						if ai := int(tab.vals[h]); best < 0 || better(ai, best) {
							best = ai
						}
						if k >= cut {
							ac.cls |= inNemod
						}
					}
				}
				if multi {
					for ai := range sl.alts {
						if a := &sl.alts[ai]; len(a.terms) > 1 && (best < 0 || better(ai, best)) && hasAll(toks, a.terms) {
							best = ai
						}
					}
				}
				if best >= 0 {
					ac.alt[si] = uint8(best + 1)
				}
			}
			continue
		}
		before := len(sc.acc)
		for ai := range sl.alts {
			a := &sl.alts[ai]
			post, cls := a.post, a.cls
			if !onlyExisting && len(post) > cut {
				post, cls = x.bestOf(a, sc, cut)
				capped = true
				// the candidates already found must not lose this
				// word because the cut dropped their texts
				x.markExisting(sc, sl, si, ai, before)
			}
			mine := uint8(ai + 1)
			if onlyExisting {
				// Most of a long list is not among the candidates: one
				// bit of a small bitmap (40 KB, in cache) says so before
				// any probe of the table.
				for i, d := range post {
					if sc.inAcc[d>>6]&(1<<(d&63)) == 0 {
						continue
					}
					ac := &sc.acc[sc.accAt[d]]
					ac.cls |= cls[i] & inNemod
					if cur := ac.alt[si]; cur == 0 || a.key > sl.alts[cur-1].key {
						ac.alt[si] = mine
					}
				}
				continue
			}
			for i, d := range post {
				// a text of a system not asked for is never a candidate
				if !allOK && !sysOK[x.classes[cls[i]&classBits].sys] {
					continue
				}
				if sc.inAcc[d>>6]&(1<<(d&63)) == 0 {
					n := len(sc.acc)
					if n == cap(sc.acc) {
						sc.acc = slices.Grow(sc.acc, n+1)
					}
					sc.acc = sc.acc[:n+1]
					ac := &sc.acc[n]
					ac.doc, ac.alt, ac.cls = d, [maxSlots]uint8{}, cls[i]
					ac.alt[si] = mine
					sc.accAt[d] = int32(n)
					sc.inAcc[d>>6] |= 1 << (d & 63)
					continue
				}
				ac := &sc.acc[sc.accAt[d]]
				ac.cls |= cls[i] & inNemod
				if cur := ac.alt[si]; cur == 0 || a.key > sl.alts[cur-1].key {
					ac.alt[si] = mine
				}
			}
		}
	}
	var total float32
	for i := range slots {
		total += slots[i].idf
	}
	sides := x.sideSlots(slots)
	// first pass: an upper bound of each document's score from the
	// accumulators; then the best documents are rescored exactly.
	// Each slot's alternatives' weights and essential words sit in flat
	// tables, behind an entry of zeros for no alternative (ac.alt[si] ==
	// 0): the loop adds for every slot instead of branching on which ones
	// a document matched, a branch that mispredicts from one document to
	// the next (adding zero changes no sum).
	iw, ess, essP := sc.altIW[:0], sc.altEss[:0], sc.altEssP[:0]
	var off [maxSlots]int
	for si := range slots {
		off[si] = len(iw)
		iw, ess, essP = append(iw, 0), append(ess, 0), append(essP, 0)
		for ai := range slots[si].alts {
			a := &slots[si].alts[ai]
			iw, ess, essP = append(iw, a.iw), append(ess, a.ess), append(essP, a.essP)
		}
	}
	sc.altIW, sc.altEss, sc.altEssP = iw, ess, essP
	var maxScore float32
	for i := range sc.acc {
		ac := &sc.acc[i]
		var cov float32
		matched := 0
		d := &x.classes[ac.cls&classBits]
		es := ess
		if d.sys == ICD10PCS {
			es = essP
		}
		for si := range slots {
			k := off[si] + int(ac.alt[si])
			cov += iw[k]
			matched += int(es[k])
		}
		side := float32(1)
		if sides != 0 && indexKind(d.kind) {
			side = sideGain(slots, sides, ac.alt[:len(slots)], cov, total)
		}
		cov /= total
		prec := float32(1)
		if d.essLen > 0 {
			prec = min(1, (float32(matched)+0.5)/(float32(d.essLen)+0.5))
		}
		part := cov * cov * (0.55 + 0.45*prec) * docKindWeight[d.kind]
		// (the bound holds for the codes of the named side, which the
		// side's credit may raise)
		score := part * d.bound * side
		ac.score, ac.part = score, part
		if score > maxScore {
			maxScore = score
		}
	}
	const topDocs = 120
	var threshold float32
	if len(sc.acc) > topDocs && maxScore > 0 {
		var hist [1024]int32
		for i := range sc.acc {
			hist[bucket(sc.acc[i].score, maxScore)]++
		}
		threshold = histThreshold(&hist, topDocs, maxScore)
	}
	// (every index is written and the count moves past the kept ones: a
	// branch on the score would mispredict for about every kept document)
	sel := slices.Grow(sc.sel[:0], len(sc.acc))[:len(sc.acc)]
	n := 0
	for i := range sc.acc {
		sel[n] = int32(i)
		if sc.acc[i].score >= threshold {
			n++
		}
	}
	sc.sel = sel[:n]
	if len(sc.sel) > 3*topDocs {
		// many ties at the threshold: keep the best bounds, then doc order
		slices.SortFunc(sc.sel, func(a, b int32) int {
			if c := cmp.Compare(sc.acc[b].score, sc.acc[a].score); c != 0 {
				return c
			}
			return cmp.Compare(sc.acc[a].doc, sc.acc[b].doc)
		})
		sc.sel = sc.sel[:3*topDocs]
	}
	// Without cut lists the accumulators hold each document's best
	// alternative per slot, so a text whose nonessential modifiers hold
	// none of the query's terms scores its first pass with its own length
	// factor; the others are scored word by word.
	// A walk of every list has marked (inNemod) each text holding one of
	// the query's terms among its nonessential modifiers, unless a term
	// comes only in alternatives of several words, whose lists hold the
	// texts with all of them: then each text with such modifiers is read.
	marked := false
	walked := !capped && !termsOnlyInPhrases(slots)
	sc.cand = sc.cand[:0]
	sc.candTable(x)
	sideOf := x.sideFlags(slots)
	for _, i := range sc.sel {
		ac := &sc.acc[i]
		var score float32
		// (the side's gain is found again for the few documents kept,
		// rather than stored beside every accumulator)
		side := float32(1)
		if sides != 0 && indexKind(x.classes[ac.cls&classBits].kind) {
			var cov float32
			for si := range slots {
				cov += iw[off[si]+int(ac.alt[si])]
			}
			side = sideGain(slots, sides, ac.alt[:len(slots)], cov, total)
		}
		if walked && ac.cls&inNemod == 0 || !capped && !x.classes[ac.cls&classBits].nemod {
			score = ac.part * x.detail[ac.doc].length
		} else {
			if !marked {
				x.markQuery(sc, slots)
				marked = true
			}
			if !capped && !x.queryInNemod(sc, ac.doc) {
				score = ac.part * x.detail[ac.doc].length
			} else {
				score, side = x.exactScore(sc, slots, total, ac.doc, sides)
			}
		}
		// an index entry names no side: the codes of the query's side
		// are credited with it
		sided := func(code uint32) float32 {
			if side > 1 && x.info[code]&sideOf != 0 {
				return score * side
			}
			return score
		}
		dt := &x.detail[ac.doc]
		if dt.single {
			// a title the query names exactly, of a code newer than the
			// index, beats the older index entry's code for the words
			// (so does one the query names through a synonym: "LTBI" is
			// Z22.7 "Latent tuberculosis", FY2018's, not the FY2017
			// index's R76.11)
			if x.classes[ac.cls&classBits].kind == docTitle && x.info[dt.code]&flagUnindexed != 0 && (ac.part >= 0.999 || x.namedBySynonym(slots, ac)) {
				score *= 1.1
			}
			sc.addCand(dt.code, sided(dt.code)*viaWeight[dt.via], ac.doc, dt.tgtS)
			continue
		}
		for ti, end := dt.tgtS, x.detail[ac.doc+1].tgtS; ti < end; ti++ {
			t := &x.targets[ti]
			sc.addCand(t.code, sided(t.code)*viaWeight[t.via], ac.doc, ti)
		}
	}

	cands := sc.cand
	need := opt.Limit*4 + 40
	if rels.n < len(Systems) && !x.oneSysDocs {
		k := 0
		for _, c := range cands {
			if rels.by[x.info[c.code]>>sysShift] != nil {
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
		var th float32
		if best > 0 {
			var hist [1024]int32
			for i := range cands {
				hist[bucket(cands[i].score, best)]++
			}
			th = histThreshold(&hist, 3*need, best)
		}
		k := 0
		for _, c := range cands {
			if c.score >= th {
				cands[k] = c
				k++
			}
		}
		cands = cands[:k]
	}
	// best first, a few at a time: the loop stops once no later
	// candidate can reach the results, so the rest is rarely sorted
	pref := x.preferences(slots, opt.query)
	denies := false // the query holds a word some CM title denies
	nons := false   // … or one some CM title says with "non"
	for w := range strings.FieldsSeq(opt.query) {
		denies = denies || x.deniedWords[w]
		nons = nons || x.nonWords[w]
	}
	if opt.Phrase > 0 {
		// a phrase read from a note: the note, not the phrase, says
		// whether the patient is pregnant (cac checks the sex)
		pref.obstetric = true
	}
	// the largest factor the coding defaults give: a candidate whose score
	// times it is under the Limit-th kept score cannot reach the results
	// (of this query's preferences, over the flags the searched systems'
	// codes carry: a diagnosis query that says no "without" can gain
	// 1.4%, not the 12% of every boost at once)
	var most float32
	for sys, r := range rels.by {
		if r != nil {
			most = max(most, pref.factor(x.sysFlags[sys]&boostFlags))
		}
	}
	if pref.left || pref.right {
		most *= 1.01
	}
	top := sc.top[:0] // the best Limit kept scores, best first
	keep := sc.keep[:0]
	chunk := max(16, 2*opt.Limit)
	sorted := 0
	// the loop stops after need candidates that are valid for the search
	// (counted), but keeps only those that can still be among the results
	counted := 0
	recurrenceSaid := strings.Contains(opt.query, "recurr")
	for i := 0; i < len(cands) && counted < need; i++ {
		if i == sorted {
			n := min(len(cands)-i, chunk)
			bestFirst(cands[i:], n)
			sorted = i + n
		}
		c := cands[i]
		if len(top) == opt.Limit && c.score*most < top[len(top)-1] {
			break
		}
		info := x.info[c.code]
		sys := System(info >> sysShift)
		r := rels.by[sys]
		if r == nil {
			continue
		}
		if len(prefixes) > 0 && !hasAnyPrefix(x.codes[c.code].code, prefixes) {
			continue
		}
		ei := rels.idx[sys][c.code]
		if ei < 0 {
			continue
		}
		e := &r.Entries[ei>>1]
		if opt.Date != 0 && rels.dated[sys] && ((e.From != 0 && opt.Date < e.From) || (e.To != 0 && opt.Date > e.To)) {
			continue
		}
		counted++
		s := c.score * pref.factor(info)
		// every factor below is at most 1: a candidate already under the
		// Limit-th kept score is never among the results
		if len(top) == opt.Limit && s < top[len(top)-1] {
			continue
		}
		if pref.without && sys == ICD10CM && saysWithWhatQueryLacks(opt.query, e.Title()) {
			s *= 0.9
		}
		// a manifestation code is coded beside its underlying disease: a
		// query that names none wants the condition's own code
		// ("pyelonephritis" is N12, not N16 "Renal tubulo-interstitial
		// disorders in diseases classified elsewhere", whose inclusion
		// term it also is)
		if !pref.underlying && x.manifest[c.code>>6]&(1<<(c.code&63)) != 0 {
			s *= 0.98
		}
		// and the other way: "rheumatoid arthritis with positive
		// rheumatoid factor" is not M06.09 "… without rheumatoid factor"
		if pref.with && info&flagWithout != 0 && sys == ICD10CM && deniesWhatQuerySays(opt.query, e.Title()) {
			s *= 0.9
		} else if info&flagWithout != 0 && sys == ICD10CM && !pref.without && x.titleWithoutQueryNames(opt.query, c.code, e) {
			// (nor is "thyroid storm", which the FY2017 index sends
			// to "Thyrotoxicosis" and its E05.90, "… without
			// thyrotoxic crisis or storm": a title must not deny what
			// the query names)
			s *= 0.85
		}
		// "intractable migraine without aura" is G43.019, not G43.011
		// "with status migrainosus": what a title has "with" must be
		// said, or its "without" sibling is meant
		// (an inclusion term is its own code's meaning, not that of the
		// codes beneath the category it is listed at: "Migraine with
		// typical aura" is G43.109, not G43.101 "… with status
		// migrainosus")
		if info&flagWithClause != 0 && (x.metaOf(c.doc).kind != docInclusion || x.targets[c.tg].via != viaDirect) && withUnsaid(x.queryIDs(sc, slots), x.withTerms[x.withAt[c.code]:x.withAt[c.code+1]]) {
			s *= 0.97
		}
		// "C. difficile colitis" is A04.72, "… not specified as
		// recurrent", not its sibling A04.71 "…, recurrent"; so an
		// inguinal hernia K40.90, not K40.91: recurrence must be said
		if info&flagRecurrent != 0 && !recurrenceSaid && strings.HasSuffix(e.Title(), ", recurrent") {
			s *= 0.97
		}
		if sys == ICD10PCS && !pref.approach {
			s *= approachOrder(x.codes[c.code].code)
		}
		switch sys {
		case ICD10PCS:
			// a hand-assisted laparoscopy is said ("lap right
			// hemicolectomy" is 0DTF4ZZ, not 0DTF4ZG)
			if strings.HasSuffix(x.codes[c.code].code, "G") && strings.Contains(e.Title(), "Hand-Assisted") && !strings.Contains(opt.query, "hand") {
				s *= 0.95
			}
		case ICD10CM:
			// "traumatic complete tear right rotator cuff" is not M75.121
			// "…, not specified as traumatic"
			if denies {
				if t := e.Title(); strings.Contains(t, "not ") && saysWhatTitleDenies(opt.query, t) {
					s *= 0.9
				}
			}
			// "acute traumatic subdural hematoma" is not I62.01
			// "Nontraumatic acute subdural hemorrhage": a title that is
			// the "non-" of a word the query says contradicts it
			if nons && nonOfQuery(opt.query, e.Title()) {
				s *= 0.8
			}
		}
		if ei&1 == 0 { // not billable
			s *= 0.7
		}
		keep = append(keep, kept{c, e, s})
		if len(top) < opt.Limit {
			top = append(top, s)
		} else if s > top[len(top)-1] {
			top[len(top)-1] = s
		} else {
			continue
		}
		for j := len(top) - 1; j > 0 && top[j] > top[j-1]; j-- {
			top[j], top[j-1] = top[j-1], top[j]
		}
	}
	sc.top = top
	sc.keep = keep
	// best final score first, ties in code order (codes are distinct)
	for i := 1; i < len(keep); i++ {
		for j := i; j > 0 && (keep[j].score > keep[j-1].score ||
			keep[j].score == keep[j-1].score && keep[j].c.code < keep[j-1].c.code); j-- {
			keep[j], keep[j-1] = keep[j-1], keep[j]
		}
	}
	var out []Result // nil when nothing is kept, as callers may encode it
	if len(keep) > 0 {
		out = make([]Result, 0, min(opt.Limit, len(keep)))
	}
	for _, k := range keep {
		if len(out) >= opt.Limit {
			break
		}
		sys := System(x.info[k.c.code] >> sysShift)
		kind := x.metaOf(k.c.doc).kind
		r := Result{System: sys, Code: x.published[k.c.code], Title: k.e.Title(), Score: math.Round(float64(k.score)*1000) / 1000,
			Billable: k.e.Billable, Matched: x.texts[k.c.doc], Source: docKindNames[kind]}
		if kind >= docIndex && kind <= docNeoplasm {
			r.Matched = indexText(x, k.c.doc)
		}
		if opt.Explain {
			r.Explain = x.explain(slots, k.c, k.e, k.score)
		}
		out = append(out, r)
	}
	return out
}

// termsOnlyInPhrases reports whether a term of an alternative of several
// words is no one-word alternative of any slot.
func termsOnlyInPhrases(slots []slot) bool {
	for si := range slots {
		for ai := range slots[si].alts {
			for _, t := range slots[si].alts[ai].terms {
				if len(slots[si].alts[ai].terms) > 1 && !isOneWordAlt(slots, t) {
					return true
				}
			}
		}
	}
	return false
}

// isOneWordAlt reports whether term t is by itself an alternative of some
// slot.
func isOneWordAlt(slots []slot, t uint32) bool {
	for sj := range slots {
		for ai := range slots[sj].alts {
			if a := &slots[sj].alts[ai]; len(a.terms) == 1 && a.terms[0] == t {
				return true
			}
		}
	}
	return false
}

// markExisting marks the first n candidates whose texts hold alternative
// ai of slot si, as walking its whole list would: by each candidate's own
// words when they are few, else by that walk.
func (x *Searcher) markExisting(sc *scratch, sl *slot, si, ai, n int) {
	a := &sl.alts[ai]
	mine := uint8(ai + 1)
	better := func(ac *docAcc) bool { cur := ac.alt[si]; return cur == 0 || a.key > sl.alts[cur-1].key }
	if n*8 < len(a.post) {
		for i := range sc.acc[:n] {
			if ac := &sc.acc[i]; better(ac) && hasAll(x.docToks(ac.doc), a.terms) {
				ac.alt[si] = mine
			}
		}
		return
	}
	for _, d := range a.post {
		if sc.inAcc[d>>6]&(1<<(d&63)) != 0 && int(sc.accAt[d]) < n {
			if ac := &sc.acc[sc.accAt[d]]; better(ac) {
				ac.alt[si] = mine
			}
		}
	}
}

// idTable is a small open-addressing map from ids (codes, terms) to
// indexes: a query's few hundred ids stay in cache where an array over
// every id would not. (The documents a walk meets are many and are
// already marked in a bitmap, so they use an array, scratch.accAt.)
type idTable struct {
	keys  []uint32 // id + 1; 0 empty
	vals  []int32
	mask  uint32
	shift uint32 // 32 - log2(len(keys))
}

// reset empties t and sizes it for n ids.
func (t *idTable) reset(n int) {
	size, bits := 64, uint32(6)
	for size < 2*n {
		size *= 2
		bits++
	}
	if cap(t.keys) < size {
		t.keys, t.vals = make([]uint32, size), make([]int32, size)
	}
	t.keys, t.vals, t.mask, t.shift = t.keys[:size], t.vals[:size], uint32(size-1), 32-bits
	clear(t.keys)
}

// find returns the slot holding id, or the empty slot where it belongs.
func (t *idTable) find(id uint32) uint32 {
	h := (id * 0x9E3779B1) >> t.shift // Fibonacci hashing
	for t.keys[h] != 0 && t.keys[h] != id+1 {
		h = (h + 1) & t.mask
	}
	return h
}

// candTable returns the scratch's code table emptied and sized for the
// targets of the selected documents.
func (sc *scratch) candTable(x *Searcher) {
	n := 0
	for _, i := range sc.sel {
		doc := sc.acc[i].doc
		if x.detail[doc].single {
			n++
		} else {
			n += int(x.detail[doc+1].tgtS - x.detail[doc].tgtS)
		}
	}
	sc.ctab.reset(n)
}

// addCand offers a code scoring s through document doc (target ti); each
// code keeps its best score, ties going to the lowest document.
func (sc *scratch) addCand(code uint32, s float32, doc, ti uint32) {
	tab := &sc.ctab
	h := tab.find(code)
	if tab.keys[h] == 0 {
		tab.keys[h] = code + 1
		n := len(sc.cand)
		tab.vals[h] = int32(n)
		if n == cap(sc.cand) {
			sc.cand = slices.Grow(sc.cand, n+1)
		}
		sc.cand = sc.cand[:n+1]
		c := &sc.cand[n]
		c.code, c.score, c.doc, c.tg = code, s, doc, ti
	} else if c := &sc.cand[tab.vals[h]]; s > c.score || (s == c.score && doc < c.doc) {
		c.score, c.doc, c.tg = s, doc, ti
	}
}

// candBefore orders candidates best first, ties in code order.
func candBefore(a, b *cand) bool {
	return a.score > b.score || a.score == b.score && a.code < b.code
}

// sortCands sorts a few candidates by candBefore (insertion sort).
func sortCands(s []cand) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && candBefore(&s[j], &s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// bestFirst moves the k candidates of s that come first by candBefore to
// the front of s, in that order; the rest follow in no particular order.
// The front holds the best k seen so far, sorted: each later candidate is
// compared with the last of them only, a branch that seldom goes the other
// way, and the few that beat it are inserted. (Quickselect compared every
// candidate with a pivot, a branch as likely one way as the other.)
// namedBySynonym reports whether the query names a document's text
// exactly with a synonym's help: every slot matched by its own words or a
// synonym's (no correction or completion), and every word of the text
// before its nonessential modifiers, other than the weak ones, among them.
func (x *Searcher) namedBySynonym(slots []slot, ac *docAcc) bool {
	toks := x.docToks(ac.doc)
	toks = toks[:min(len(toks), int(x.detail[ac.doc].cut))]
	for si := range slots {
		ai := int(ac.alt[si])
		if ai == 0 {
			return false
		}
		if w := slots[si].alts[ai-1].why; w != whyFound && w != whySynonym {
			return false
		}
	}
	for _, t := range toks {
		if x.weak[t] {
			continue
		}
		said := false
		for si := range slots {
			if slices.Contains(slots[si].alts[int(ac.alt[si])-1].terms, t) {
				said = true
				break
			}
		}
		if !said {
			return false
		}
	}
	return true
}

func bestFirst(s []cand, k int) {
	sortCands(s[:k])
	for j := k; j < len(s); j++ {
		if !candBefore(&s[j], &s[k-1]) {
			continue
		}
		s[j], s[k-1] = s[k-1], s[j]
		for i := k - 1; i > 0 && candBefore(&s[i], &s[i-1]); i-- {
			s[i], s[i-1] = s[i-1], s[i]
		}
	}
}

func indexText(x *Searcher, doc uint32) string { return x.texts[doc] }

// docToks returns a document's distinct term ids.
func (x *Searcher) docToks(doc uint32) []uint32 {
	return x.toks[x.detail[doc].tokS:x.detail[doc+1].tokS]
}

// markQuery numbers the query's distinct terms for exactScore, and sets
// their bits in sc.qbits.
func (x *Searcher) markQuery(sc *scratch, slots []slot) {
	if sc.qbits == nil {
		sc.qbits = make([]uint64, (len(x.terms)+63)/64)
	}
	for _, t := range sc.qterms { // the last marked query's
		sc.qbits[t>>6] = 0
	}
	sc.qterms = sc.qterms[:0]
	sc.qis = sc.qis[:0]
	n := 0
	for si := range slots {
		for ai := range slots[si].alts {
			n += len(slots[si].alts[ai].terms)
		}
	}
	sc.qtab.reset(2 * n)
	for si := range slots {
		for ai := range slots[si].alts {
			a := &slots[si].alts[ai]
			start := len(sc.qis)
			for _, t := range a.terms {
				h := sc.qtab.find(t)
				if sc.qtab.keys[h] == 0 {
					sc.qtab.keys[h] = t + 1
					sc.qtab.vals[h] = int32(len(sc.qterms))
					sc.qterms = append(sc.qterms, t)
					sc.qbits[t>>6] |= 1 << (t & 63)
				}
				sc.qis = append(sc.qis, uint16(sc.qtab.vals[h]))
			}
			a.qi = sc.qis[start:len(sc.qis):len(sc.qis)]
		}
	}
	if cap(sc.tpos) < len(sc.qterms) {
		sc.tpos = make([]int32, len(sc.qterms))
	}
	sc.tpos = sc.tpos[:len(sc.qterms)]
	for i := range sc.tpos {
		sc.tpos[i] = -1
	}
}

// queryInNemod reports whether one of the query's terms is among the
// document's nonessential modifiers. It needs markQuery's numbering.
func (x *Searcher) queryInNemod(sc *scratch, doc uint32) bool {
	for _, t := range x.toks[x.detail[doc].tokS+uint32(x.detail[doc].cut) : x.detail[doc+1].tokS] {
		if sc.qbits[t>>6]&(1<<(t&63)) != 0 {
			return true
		}
	}
	return false
}

// exactScore scores one document against the query: coverage (the share of
// the query's weight found, words found only among nonessential modifiers
// counting half), precision (the share of the text's essential words the
// query accounts for), the source's weight and a slight preference for
// shorter texts. It needs markQuery's numbering.
func (x *Searcher) exactScore(sc *scratch, slots []slot, total float32, doc uint32, sides uint32) (score, side float32) {
	d, dt := x.metaOf(doc), &x.detail[doc]
	toks := x.toks[dt.tokS:x.detail[doc+1].tokS]
	cut := int32(dt.cut)
	tpos := sc.tpos
	q, qbits := &sc.qtab, sc.qbits
	for k, t := range toks {
		if qbits[t>>6]&(1<<(t&63)) != 0 {
			tpos[q.vals[q.find(t)]] = int32(k)
		}
	}
	var cov, credit float32
	if !indexKind(d.kind) {
		sides = 0
	}
	matched := 0
	for si := range slots {
		best, bestNT, bestA := float32(0), 0, -1
		for ai := range slots[si].alts {
			a := &slots[si].alts[ai]
			w := a.weight
			ok := true
			for _, q := range a.qi {
				at := tpos[q]
				if at < 0 {
					ok = false
					break
				}
				if at >= cut {
					w = a.weight * 0.5
				}
			}
			nt := int(a.ess)
			if d.sys == ICD10PCS {
				nt = int(a.essP)
			}
			if w < a.weight {
				nt = 0
			}
			// a longer alternative explains more of the text: prefer it
			// when its weight is close
			if ok && (bestA < 0 || w+0.05*float32(nt) > best+0.05*float32(bestNT)) {
				best, bestA, bestNT = w, ai, nt
			}
		}
		if best == 0 && sides&(1<<si) != 0 {
			credit += sideShare * slots[si].idf
		}
		cov += slots[si].idf * best
		matched += bestNT
	}
	for _, t := range toks {
		if qbits[t>>6]&(1<<(t&63)) != 0 {
			tpos[q.vals[q.find(t)]] = -1
		}
	}
	cov /= total
	prec := float32(1)
	if d.essLen > 0 {
		prec = min(1, (float32(matched)+0.5)/(float32(d.essLen)+0.5))
	}
	side = 1
	if credit > 0 && cov > 0 && cov+credit/sideShare/total >= sideWhole {
		r := (cov + credit/total) / cov
		side = r * r
	}
	return cov * cov * (0.55 + 0.45*prec) * docKindWeight[d.kind] * dt.length, side
}

// indexKind reports whether texts of kind are alphabetic-index entries,
// which never name a side: "Cellulitis, lower limb" leads to L03.115 and
// L03.116 alike.
func indexKind(k docKind) bool { return k >= docIndex && k <= docNeoplasm }

// sideSlot reports whether a query word is a side (left, right,
// bilateral). An index entry that lacks it still matches the whole query
// for the codes of that side: "cellulitis of right foot" is the index's
// "Cellulitis, foot" at L03.115 "… right lower limb", as strong a match
// as "cellulitis foot" is, while L03.116 and L03.119 keep the weaker one.
func (x *Searcher) sideSlot(sl *slot) bool {
	for _, a := range sl.alts {
		if len(a.terms) == 1 && x.termPref[a.terms[0]]&(prefLeft|prefRight|prefBilateral) != 0 {
			return true
		}
	}
	return false
}

// sideSlots returns a bit per side word of the query (sideSlot), and
// for the word "side" beside one ("sciatica, right side").
func (x *Searcher) sideSlots(slots []slot) uint32 {
	var m uint32
	for si := range slots {
		if x.sideSlot(&slots[si]) {
			m |= 1 << si
		}
	}
	if m == 0 {
		return 0
	}
	for si := range slots {
		if slots[si].text == "side" || slots[si].text == "sides" {
			m |= 1 << si
		}
	}
	return m
}

// sideFlags returns the title flags of the sides the query names.
func (x *Searcher) sideFlags(slots []slot) uint32 {
	var f uint32
	for si := range slots {
		for _, a := range slots[si].alts {
			if len(a.terms) != 1 {
				continue
			}
			switch p := x.termPref[a.terms[0]]; {
			case p&prefLeft != 0:
				f |= flagLeft
			case p&prefRight != 0:
				f |= flagRight
			case p&prefBilateral != 0:
				f |= flagBilateral
			}
		}
	}
	return f
}

// sideCredit is the weight of the query's side words that a document
// did not match (alt holds each slot's matched alternative, 0 for none).
func sideCredit(slots []slot, sides uint32, alt []uint8) float32 {
	var c float32
	for si := range slots {
		if sides&(1<<si) != 0 && alt[si] == 0 {
			c += sideShare * slots[si].idf
		}
	}
	return c
}

// sideGain is the factor by which an index entry's score rises for the
// codes of the query's side: the square of its coverage with the side
// words credited over its coverage without (cov, before dividing by the
// query's total weight), when the entry matches the rest of the query.
func sideGain(slots []slot, sides uint32, alt []uint8, cov, total float32) float32 {
	if cov <= 0 {
		return 1
	}
	c := sideCredit(slots, sides, alt)
	if c == 0 || cov+c/sideShare < sideWhole*total {
		return 1
	}
	r := (cov + c) / cov
	return r * r
}

// sideShare is how much of a side word's weight an index entry is
// credited with: less than a title that says the side, so that "Multiple
// fractures of ribs, left side" still beats the index's "Fracture, rib"
// at the one rib's S22.32XA.
const sideShare = 0.5

// sideWhole is how much of the query an index entry must match, its side
// words counted in full, to be credited with them: the entry is the
// query's condition but for the side ("Cellulitis, foot" for "cellulitis
// of right foot"), not a part of a longer phrase ("Dog bite, right
// forearm, open bite wound with puncture wounds and laceration").
const sideWhole = 0.9

// heartSide reports whether a side word w, followed by next, names a side
// of the heart ("Right heart failure", "left ventricular failure"): a kind
// of the condition, not the side of a paired organ, so it is no weak word
// there. ("heart failure" is I50.9, not I50.810.)
func heartSide(w, next string) bool {
	return (w == "right" || w == "left") && heartParts[next]
}

// firstStem is the stem of text's first word.
func firstStem(text string) string {
	w, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(text)), " ")
	return stem(w)
}

var heartParts = map[string]bool{stem("heart"): true, stem("ventricular"): true, stem("ventricle"): true, stem("atrial"): true, stem("atrium"): true}

// capDocs bounds how many documents one long posting list may bring in as
// new candidates: the best capDocs by their static quality.
const capDocs = 4000

// phraseCapDocs is capDocs for a phrase read from a note
// (SearchOptions.Phrase). Its rarest words already bring in every text
// that holds them, so a common one among them ("femur", "laceration")
// needs only its best texts: on the evaluation notes a cut at 2000 chose
// the same codes as one at 4000. (At 1000, "Open displaced fracture of
// right radius shaft" lost the long titles of its open-fracture 7th
// characters: TestOpenFracture.)
const phraseCapDocs = 2000

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
	m := x.metaOf(doc)
	return docKindWeight[m.kind] * m.bound / (1 + 0.15*float32(m.essLen))
}

// bestOf returns the n best documents of a long alternative (n at most
// capDocs): from the precomputed impact order for one term, or by
// filtering an intersection.
func (x *Searcher) bestOf(a *alt, sc *scratch, n int) ([]uint32, []uint16) {
	if len(a.terms) == 1 {
		if imp, ok := x.impact[a.terms[0]]; ok {
			n = min(n, len(imp.docs))
			return imp.docs[:n:n], imp.cls[:n:n]
		}
	}
	var best float32
	for _, d := range a.post {
		best = max(best, x.staticQuality(d))
	}
	th := scoreThreshold(len(a.post), n, best, func(i int) float32 { return x.staticQuality(a.post[i]) })
	sc.cut, sc.cutCls = sc.cut[:0], sc.cutCls[:0]
	for i, d := range a.post {
		if x.staticQuality(d) >= th {
			sc.cut = append(sc.cut, d)
			sc.cutCls = append(sc.cutCls, a.cls[i])
		}
	}
	return sc.cut, sc.cutCls
}

// withClauses returns the stems of the words of each "with" clause of a
// lower-case title ("… intractable, with status migrainosus"), clauses
// separated by "", leaving out weak words: what a query must say for the
// title's "with" to be meant.
func withClauses(t string) []string {
	var out []string
	for {
		i := strings.Index(t, " with ")
		if i < 0 {
			return out
		}
		t = t[i+len(" with "):]
		clause := t
		if k := strings.IndexAny(clause, ",("); k >= 0 {
			clause = clause[:k]
		}
		if k := strings.Index(clause, " with"); k >= 0 {
			clause = clause[:k]
		}
		var ws []string
		for _, w := range strings.Fields(clause) {
			if len(w) < 4 || weakWords[w] || w == "other" || w == "unspecified" || w == "specified" {
				continue
			}
			ws = append(ws, stem(w))
		}
		if len(ws) > 0 {
			out = append(append(out, ws...), "")
		}
	}
}

// withUnsaid reports whether a clause of clauses (withClauses) has none
// of its words among the query's stems.
func withUnsaid(q *idTable, clauses []uint32) bool {
	said := false
	for _, w := range clauses {
		if w == clauseEnd {
			if !said {
				return true
			}
			said = false
			continue
		}
		said = said || w != absentTerm && q.keys[q.find(w)] != 0
	}
	return false
}

// queryIDs returns the table of the term ids the query's slots can match,
// synonyms and corrections included, built once per query.
func (x *Searcher) queryIDs(sc *scratch, slots []slot) *idTable {
	if sc.qidsReady {
		return &sc.qids
	}
	n := 0
	for _, sl := range slots {
		for _, a := range sl.alts {
			n += len(a.terms)
		}
	}
	sc.qids.reset(n)
	for _, sl := range slots {
		for _, a := range sl.alts {
			for _, t := range a.terms {
				if h := sc.qids.find(t); sc.qids.keys[h] == 0 {
					sc.qids.keys[h] = t + 1
				}
			}
		}
	}
	sc.qidsReady = true
	return &sc.qids
}

// saysWithWhatQueryLacks reports whether a title has "with" a word the
// query says it is without: "cholecystitis without obstruction" against
// "… with acute cholecystitis with obstruction" (K80.01).
func saysWithWhatQueryLacks(query, title string) bool {
	q := strings.Fields(strings.ToLower(query))
	t := " " + strings.ToLower(title) + " "
	for { // "with (acute) exacerbation": the aside is no word between
		open := strings.IndexByte(t, '(')
		end := strings.IndexByte(t, ')')
		if open < 0 || end < open {
			break
		}
		t = t[:open] + strings.TrimLeft(t[end+1:], " ")
	}
	for i, w := range q {
		if w != "without" && w != "w/o" {
			continue
		}
		for _, n := range q[i+1 : min(len(q), i+4)] {
			n = strings.Trim(n, ",.;:()")
			if len(n) >= 4 && withClauseHolds(t, n) {
				return true
			}
		}
	}
	return false
}

// withClauseHolds reports whether a title (lower case, spaced) has word w
// in a "with" clause, among the four words after the "with": "with
// retinopathy", "with unspecified diabetic retinopathy without macular
// edema".
func withClauseHolds(t, w string) bool {
	for rest := t; ; {
		k := strings.Index(rest, " with ")
		if k < 0 {
			return false
		}
		rest = rest[k+len(" with "):]
		for j, f := range strings.Fields(rest) {
			if j == 4 || f == "without" || f == "with" {
				break
			}
			if strings.TrimRight(f, ",;") == w {
				return true
			}
			if strings.HasSuffix(f, ",") {
				break
			}
		}
	}
}

// deniedTitleWords returns the words of six letters or more that a
// lower-case title puts up to three words after "not", other than
// "specified", "elsewhere" and "classified".
func deniedTitleWords(t string) []string {
	var out []string
	for i := strings.Index(t, "not "); i >= 0; {
		for k, w := range strings.Fields(t[i+4:]) {
			if k > 2 {
				break
			}
			w = strings.Trim(w, ",.;:()")
			if len(w) >= 6 && w != "specified" && w != "elsewhere" && w != "classified" {
				out = append(out, w)
			}
		}
		j := strings.Index(t[i+4:], "not ")
		if j < 0 {
			break
		}
		i += 4 + j
	}
	return out
}

// saysWhatTitleDenies reports whether the query says a word the title
// puts after "not" ("not specified as traumatic", "not intractable") and
// does not deny it itself.
// nonOfQuery reports whether a title holds a word "non…" ("Nontraumatic",
// "Non-pressure", "Nonrheumatic") whose rest the query says without its
// "non": the title names what the query's word is not.
func nonOfQuery(query, title string) bool {
	for w := range strings.FieldsSeq(strings.ToLower(title)) {
		w = strings.Trim(w, ",.;:()")
		if !strings.HasPrefix(w, "non") {
			continue
		}
		rest := strings.TrimPrefix(w[3:], "-")
		if len(rest) < 6 {
			continue
		}
		if strings.Contains(" "+query, " "+rest) && !strings.Contains(query, "non"+rest) && !strings.Contains(query, "non-"+rest) && !strings.Contains(query, "non "+rest) {
			return true
		}
	}
	return false
}

func saysWhatTitleDenies(query, title string) bool {
	for _, w := range deniedTitleWords(strings.ToLower(title)) {
		if strings.Contains(query, " "+w) && !strings.Contains(query, "not "+w) && !strings.Contains(query, "non"+w) && !strings.Contains(query, "non-"+w) {
			return true
		}
	}
	return false
}

// withoutWhatQueryNames reports whether a title is "without" a thing the
// query names and does not deny. The things are the last words of the
// "or"-separated parts of the clause after "without", which ends at a
// comma or a preposition ("… without thyrotoxic crisis or storm": crisis,
// storm; "without foreign body of left hand": body; "without acute cor
// pulmonale": pulmonale, not the embolism's "acute"). A word of fewer
// than four letters, or said elsewhere in the title ("Right tubal
// pregnancy without intrauterine pregnancy"), is no such thing. The query
// names it when it holds it as a word with no denial ("no", "not", "non",
// "without", "w/o", "negative", "denies") among the three words before
// it, wherever it holds it.
func withoutWhatQueryNames(query, title string) bool {
	return queryNamesAny(query, withoutNames(title))
}

// withoutNames are the things a title is "without" that a query may name
// (withoutWhatQueryNames).
func withoutNames(title string) []string {
	t := strings.Fields(strings.ToLower(title))
	var names []string
	for i, w := range t {
		if w != "without" {
			continue
		}
		end := i + 1
		for end < len(t) && end < i+6 {
			n := strings.Trim(t[end], ",.;:()")
			if n == "of" || n == "in" || n == "with" || n == "due" || n == "at" || n == "and" || n == "without" {
				break
			}
			end++
			if strings.HasSuffix(t[end-1], ",") {
				break
			}
		}
		for k := i + 1; k < end; k++ {
			n := strings.Trim(t[k], ",.;:()")
			if k+1 < end && t[k+1] != "or" || n == "or" || len(n) < 4 || saidElsewhere(t, i, end, n) {
				continue
			}
			names = append(names, n)
		}
	}
	return names
}

// queryNamesAny reports whether the query names one of names undenied.
func queryNamesAny(query string, names []string) bool {
	if len(names) == 0 {
		return false
	}
	q := strings.Fields(query)
	for _, n := range names {
		if namedUndenied(q, n) {
			return true
		}
	}
	return false
}

// namedUndenied reports whether query words q hold n, none of its places
// denied.
func namedUndenied(q []string, n string) bool {
	named := false
	for j, qw := range q {
		if strings.Trim(qw, ",.;:()") == n {
			if deniedBefore(q[max(0, j-3):j]) {
				return false
			}
			named = true
		}
	}
	return named
}

// saidElsewhere reports whether title words t hold n outside the clause
// from its "without" at i to before end.
func saidElsewhere(t []string, i, end int, n string) bool {
	for j, w := range t {
		if (j < i || j >= end) && strings.Trim(w, ",.;:()") == n {
			return true
		}
	}
	return false
}

// deniedBefore reports whether the words before a query's word deny it.
func deniedBefore(ws []string) bool {
	for _, w := range ws {
		switch strings.Trim(w, ",.;:()") {
		case "no", "not", "non", "negative", "without", "w/o", "denies":
			return true
		}
	}
	return false
}

// deniesWhatQuerySays reports whether a title is "without" something the
// query has "with": a word of at most three after the title's "without"
// that the query writes within three words after its own "with".
func deniesWhatQuerySays(query, title string) bool {
	q := strings.Fields(strings.ToLower(query))
	t := strings.Fields(strings.ToLower(title))
	for i, w := range t {
		if w != "without" {
			continue
		}
		for _, n := range t[i+1 : min(len(t), i+4)] {
			n = strings.Trim(n, ",.;:()")
			if len(n) < 4 || n == "other" || n == "unspecified" {
				continue
			}
			for j, qw := range q {
				if qw != "with" && qw != "w/" {
					continue
				}
				for _, m := range q[j+1 : min(len(q), j+4)] {
					if strings.Trim(m, ",.;:()") == n {
						return true
					}
				}
			}
		}
	}
	return false
}

// externalWords are the words of a query about how or where an injury
// happened, or about an adverse effect of care: only such a query wants
// an external cause code first.
var externalWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`fall falls fell falling slipped tripped accident accidental collision crash struck hit bitten bite bites stung sting
		assault assaulted fight shot gunshot stab stabbed stabbing mva mvc mvi pedestrian cyclist bicycle motorcycle driver passenger drowning drowned
		fire flames explosion exposure place activity while home work street highway school playground sport sports injured caused cause misadventure
		external reaction complication ycode ecode`) {
		m[w] = true
	}
	return m
}()

// externalQuery reports whether a query holds one of externalWords (its
// words are the runs of letters a to z).
func externalQuery(q string) bool {
	q = strings.ToLower(q)
	for i := 0; i < len(q); {
		if q[i] < 'a' || q[i] > 'z' {
			i++
			continue
		}
		j := i + 1
		for j < len(q) && q[j] >= 'a' && q[j] <= 'z' {
			j++
		}
		if externalWords[q[i:j]] {
			return true
		}
		i = j
	}
	return false
}

// lesionWords name what is taken out of an organ rather than the organ.
var lesionWords = stemSet("tumor tumour lesion mass polyp nodule cyst glioma glioblastoma meningioma fibroid myoma adenoma lipoma")

var resectionStem, excisionStem = stem("resection"), stem("excision")

// repairWords say a query is about closing a wound.
var repairWords = stemSet("repair repaired closure suture sutured")

var lacerationStem, skinStem = stem("laceration"), stem("skin")

// arabicStages writes a Roman numeral after a word that counts ("stage
// IV", "class III", "type II", "grade IIIb") as the titles do, in digits.
func arabicStages(ws []string) []string {
	for i := 1; i < len(ws); i++ {
		if !countingWords[strings.ToLower(ws[i-1])] {
			continue
		}
		w := strings.ToLower(ws[i])
		suffix := ""
		if n := len(w); n > 1 && (w[n-1] == 'a' || w[n-1] == 'b') {
			w, suffix = w[:n-1], w[n-1:]
		}
		if n, ok := romanNumerals[w]; ok {
			ws[i] = n + suffix
		}
	}
	return ws
}

var countingWords = map[string]bool{"stage": true, "stages": true, "class": true, "type": true, "grade": true, "degree": true, "phase": true, "level": true, "tier": true}

var romanNumerals = map[string]string{"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6"}

// literalCapDF is the number of texts from which a word typed whole caps
// its slot's weight (see parse).
const literalCapDF = 20

// doseWeight is what a dose's number and unit weigh against the other
// words of a query.
const doseWeight = 0.3

// doseUnits are the units a number before them makes a dose.
var doseUnits = map[string]bool{"mg": true, "mcg": true, "ml": true, "cc": true, "g": true, "gm": true, "unit": true, "iu": true, "meq": true, "l": true}

// isNumber reports whether a query word is a number ("30", "0.5").
func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < '0' || w[i] > '9') && w[i] != '.' {
			return false
		}
	}
	return true
}

// hcpcsItem splits an HCPCS description into the item's name, before the
// first comma, and the rest that describes it. A drug's name follows a
// word its class of codes shares ("Injection, dexamethasone sodium
// phosphate, 1 mg"), so the name runs to the second comma.
func hcpcsItem(title string) (name, rest string) {
	name, rest, _ = strings.Cut(title, ",")
	if genericHCPCSHeads[strings.ToLower(strings.TrimSpace(name))] && rest != "" {
		drug, more, _ := strings.Cut(rest, ",")
		name, rest = name+","+drug, more
	}
	return name, rest
}

// genericHCPCSHeads are the first words HCPCS descriptions share by the
// hundred, before the name of what they describe.
var genericHCPCSHeads = map[string]bool{"injection": true, "injection(s)": true, "infusion": true, "home infusion therapy": true, "brachytherapy source": true}

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
		hist[bucket(score(i), max)]++
	}
	return histThreshold(&hist, n, max)
}

// bucket is a score's bucket in scoreThreshold's histogram.
func bucket(score, max float32) int {
	b := int(score / max * 1023.999)
	return min(max0(b), 1023)
}

// histThreshold returns the lowest bucket's score that keeps about n of
// the histogram's items.
func histThreshold(hist *[1024]int32, n int, max float32) float32 {
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

// prefs records what a query says that the coding defaults depend on.
type prefs struct {
	subsequent, sequela, other, specified, with, family, qualified bool
	approach, autolog, newTech                                     bool
	left, right, bilateral, addition                               bool
	history                                                        bool // the query speaks of the past
	lesion                                                         bool // the query names a tumor, lesion, mass, polyp or cyst
	without                                                        bool // the query says "without" something
	external                                                       bool // the query names how an injury happened or where
	graftSource                                                    bool // the query names where a bypass graft starts
	secondary                                                      bool // the query speaks of a cancer's spread
	trimester                                                      bool // the query names a trimester
	obstetric                                                      bool // the query speaks of a pregnancy, a delivery or the puerperium
	transplant                                                     bool // the query names a transplant
	dmCause                                                        bool // the query names a diabetes' cause or kind other than type 1 or 2
	underlying                                                     bool // the query names what a condition is in or due to
}

// approachWords are the words of PCS approach values: a query holding one
// (or a synonym that expands to one) chooses its own approach.
var approachWords = map[string]bool{"open": true, "percutaneous": true, "endoscopic": true, "external": true, "natural": true}

// stemSet returns the stems of the space-separated words.
func stemSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[stem(w)] = true
	}
	return m
}

// historyWords say that a query is about the past ("history of", "prior",
// "old MI"), or, through the synonym list, "hx", "h/o" and "s/p": only
// such a query wants a personal history code first.
var historyWords = stemSet(`history historical prior previous past old remote resolved healed`)

// obstetricWords say that a query is about a pregnancy, a delivery or the
// puerperium: only such a query wants a code of chapter 15 first.
var obstetricWords = stemSet(`pregnancy pregnant obstetric delivery delivered labor labour puerperal puerperium postpartum antepartum intrapartum peripartum childbirth cesarean gestational gestation trimester abortion miscarriage ectopic eclampsia preeclampsia pre-eclampsia hyperemesis placenta placental gravid gravidarum fetal fetus maternal`)

// What a slot's text says by holding a word part (saidParts), a bit each.
const (
	saysSubsequent uint32 = 1 << iota
	saysSequela
	saysOther
	saysSpecified
	saysFamily
	saysQualified
	saysAutolog
	saysNewTech
	saysAddition
	saysLesion
	saysGraftSource
	saysSecondary
	saysTrimester
	saysTransplant
	saysDMCause
)

// saidParts are the word parts preferences looks for in the slots' texts
// ("patholog" in "pathological"), and what each says.
var saidParts = [...]struct {
	part string
	says uint32
}{
	{"subsequ", saysSubsequent},
	{"sequel", saysSequela}, {"follow", saysSequela}, {"late effect", saysSequela}, {"residual", saysSequela},
	{"after", saysSequela}, {"poststrok", saysSequela}, {"post-strok", saysSequela},
	{"other", saysOther},
	{"specifi", saysSpecified},
	{"famil", saysFamily}, {"fh", saysFamily},
	{"patholog", saysQualified}, {"stress", saysQualified}, {"fatigu", saysQualified}, {"insufficien", saysQualified},
	{"osteopor", saysQualified}, {"neoplas", saysQualified}, {"metasta", saysQualified | saysSecondary}, {"prosthe", saysQualified},
	{"autolog", saysAutolog},
	{"technolog", saysNewTech},
	{"addition", saysAddition}, {"replac", saysAddition}, {"covered", saysAddition},
	{"tumor", saysLesion}, {"tumour", saysLesion}, {"lesion", saysLesion}, {"mass", saysLesion}, {"polyp", saysLesion},
	{"nodul", saysLesion}, {"cyst", saysLesion},
	{"mammar", saysGraftSource}, {"lima", saysGraftSource}, {"rima", saysGraftSource}, {"from", saysGraftSource},
	{"thoracic", saysGraftSource}, {"abdominal", saysGraftSource},
	{"secondar", saysSecondary}, {"mets", saysSecondary}, {"spread", saysSecondary},
	{"trimester", saysTrimester},
	{"transplant", saysTransplant},
	{"underlying", saysDMCause}, {"due to", saysDMCause}, {"induced", saysDMCause}, {"secondar", saysDMCause}, {"steroid", saysDMCause},
	{"drug", saysDMCause}, {"chemical", saysDMCause}, {"pancrea", saysDMCause}, {"cystic fibrosis", saysDMCause}, {"cushing", saysDMCause},
	{"mody", saysDMCause}, {"monogenic", saysDMCause}, {"specifi", saysDMCause}, {"other", saysDMCause},
}

// saidPartsAt lists, per byte, the saidParts that start with it: a text
// is read once, each position tried against the few parts that can start
// there, rather than searched once per part.
var saidPartsAt = func() (at [256][]uint8) {
	for i, p := range saidParts {
		at[p.part[0]] = append(at[p.part[0]], uint8(i))
	}
	return at
}()

// textSays returns what text says by the saidParts it holds.
func textSays(text string) uint32 {
	var says uint32
	for i := 0; i < len(text); i++ {
		for _, k := range saidPartsAt[text[i]] {
			if strings.HasPrefix(text[i:], saidParts[k].part) {
				says |= saidParts[k].says
			}
		}
	}
	return says
}

// preferences reads what the query says that the coding defaults depend
// on; query is the lower-cased query between spaces (SearchOptions.query).
func (x *Searcher) preferences(slots []slot, query string) prefs {
	var says uint32
	for _, s := range slots {
		says |= textSays(s.text)
	}
	said := func(what uint32) bool { return says&what != 0 }
	var said8 uint8
	for _, s := range slots {
		for _, a := range s.alts {
			if a.why == whyCompleted {
				continue
			}
			for _, t := range a.terms {
				said8 |= x.termPref[t]
			}
		}
	}
	approach, left, right, bilat := said8&prefApproach != 0, said8&prefLeft != 0, said8&prefRight != 0, said8&prefBilateral != 0
	history, obstetric := said8&prefHistory != 0, said8&prefObstetric != 0
	return prefs{
		subsequent:  said(saysSubsequent),
		sequela:     said(saysSequela),
		other:       said(saysOther),
		specified:   said(saysSpecified),
		with:        strings.Contains(query, "with ") || strings.HasSuffix(query, " with"),
		family:      said(saysFamily),
		qualified:   said(saysQualified),
		approach:    approach,
		autolog:     said(saysAutolog),
		newTech:     said(saysNewTech),
		left:        left,
		right:       right,
		bilateral:   bilat,
		addition:    said(saysAddition),
		history:     history,
		lesion:      said(saysLesion),
		without:     strings.Contains(query, " without ") || strings.Contains(query, "w/o"),
		external:    externalQuery(query),
		graftSource: said(saysGraftSource),
		obstetric:   obstetric,
		secondary:   said(saysSecondary),
		trimester:   said(saysTrimester),
		transplant:  said(saysTransplant),
		dmCause:     said(saysDMCause),
		underlying:  strings.Contains(query, " in ") || strings.Contains(query, " due to ") || strings.Contains(query, " with ") || strings.Contains(query, "elsewhere"),
	}
}

// factor follows the coding defaults when the query is silent: the initial
// encounter before subsequent ones and sequelae, and the unspecified code
// before the specific "other" ones, the patient's own history before the
// family's, and a traumatic fracture before a pathological or stress one.
func (p prefs) factor(fl uint32) float32 {
	f := float32(1)
	if fl&flagSubsequent != 0 && !p.subsequent {
		f *= 0.97
	}

	// a sequela is another condition than the one named ("acute ischemic
	// stroke" is I63.9, not I69.30): the query must say it
	if fl&flagSequela != 0 && !p.sequela {
		f *= 0.9
	}
	if fl&flagUnspecified != 0 && !p.other {
		f *= 1.006
	}
	if fl&flagOther != 0 && !p.other && !p.specified {
		f *= 0.98
	}
	// the side the query names: the other side's codes last, and the
	// named side's before those that name none, when the text matched
	// (an index entry, an inclusion term) did not say it
	switch {
	case p.bilateral:
		if fl&(flagLeft|flagRight) != 0 && fl&flagBilateral == 0 {
			f *= 0.95
		}
	case p.left && !p.right:
		if fl&flagRight != 0 && fl&flagLeft == 0 {
			f *= 0.92
		} else if fl&flagLeft != 0 {
			f *= 1.01
		} else if fl&flagNoSide != 0 {
			// ("low back pain with left sciatica" is M54.42, not
			// M54.40 "…, unspecified side")
			f *= 0.96
		}
	case p.right && !p.left:
		if fl&flagLeft != 0 && fl&flagRight == 0 {
			f *= 0.92
		} else if fl&flagRight != 0 {
			f *= 1.01
		} else if fl&flagNoSide != 0 {
			f *= 0.96
		}
	case !p.left && !p.right && fl&(flagLeft|flagRight|flagBilateral) != 0:
		// a query that names no side wants the unspecified side's
		// code ("otitis media" is H66.90, not H66.93)
		f *= 0.99
	}
	// a pregnancy's codes are for a pregnant patient: the query must
	// say so ("surgical site infection" is T81.4-, not O86.0-)
	if fl&flagObstetric != 0 && !p.obstetric {
		f *= 0.95
	}
	if fl&flagAddition != 0 && !p.addition {
		f *= 0.95
	}
	// …and a transplant's for one the query names ("coronary
	// atherosclerosis of the native circumflex artery" is I25.10, not
	// I25.811 of a transplanted heart)
	if fl&flagTransplant != 0 && !p.transplant {
		f *= 0.85
	}
	// a diabetes whose type the query does not give is type 2 (Guidelines
	// I.C.4.a.2): one due to an underlying condition, a drug or another
	// specified kind is for a query that says so ("diabetic neuropathy" is
	// E11.40, not E08.40)
	if fl&flagDMCause != 0 && !p.dmCause {
		f *= 0.95
	}
	switch {
	case fl&flagWithout != 0 && p.without:
		// "acute calculous cholecystitis without obstruction" is
		// K80.00, the title that says "without", not K80.01 "with
		// obstruction", which an index path may match as well
		f *= 1.06
	case fl&flagWithout != 0 && !p.with:
		f *= 1.008
	}
	if fl&flagFamily != 0 && !p.family {
		f *= 0.9
	}
	if fl&flagQualified != 0 && !p.qualified {
		f *= 0.94
	}
	// and a query that names the disease ("osteoporotic compression
	// fracture") wants M80 or M84 before the injury
	if fl&flagTraumatic != 0 && p.qualified {
		f *= 0.85
	}
	if fl&flagPersonal != 0 && (p.family || !p.history) {
		// the patient's own history is not the condition itself: a
		// query silent about the past wants the condition ("acute
		// ischemic stroke" is I63.9, not Z86.73)
		f *= 0.9
	}
	if fl&flagApproach != 0 && !p.approach {
		f *= 1.02
	}
	if fl&flagAutolog != 0 && !p.autolog {
		f *= 0.97
	}
	if fl&flagNewTech != 0 && !p.newTech {
		f *= 0.93
	}
	// a coronary bypass whose source the query does not name starts where
	// its graft usually does: a vein or radial graft at the aorta
	// (021109W), a bare internal mammary at the left one (02100Z9)
	if fl&flagUsualGraft != 0 && !p.graftSource {
		f *= 1.03
	}
	// an external cause (V00–Y99) is how an injury happened, which the
	// query must speak of: "esrd on dialysis" is Z99.2, not Y84.1
	if fl&flagExternal != 0 && !p.external {
		f *= 0.9
	}
	// taking out a tumor, a lesion or a polyp takes part of the organ:
	// Excision, not Resection of the whole ("transurethral resection of
	// bladder tumor" is 0TBB8ZZ)
	if fl&flagResection != 0 && p.lesion {
		f *= 0.9
	}
	// a cancer the query does not say has spread is the primary:
	// "adenocarcinoma of lung" is C34.90, not C78.00
	if fl&flagSecondary != 0 && !p.secondary {
		f *= 0.95
	}
	// a trimester the query names is not the unspecified one
	if fl&flagNoTrimester != 0 && p.trimester {
		f *= 0.97
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
	kind := x.metaOf(c.doc).kind
	have := map[uint32]bool{}
	for _, t := range x.docToks(c.doc) {
		have[t] = true
	}
	var out []string
	out = append(out, fmt.Sprintf("matched %s %q", docKindNames[kind], x.texts[c.doc]))
	t := &x.targets[c.tg]
	if t.via != viaDirect {
		msg := viaNames[t.via]
		if strings.Contains(msg, "%s") {
			msg = fmt.Sprintf(msg, FormatCode(ICD10CM, x.from[t.from]))
		}
		out = append(out, "reaches this code as "+msg)
	}
	sides := x.sideSlots(slots)
	for si, sl := range slots {
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
				if a.why != whyFound {
					out = append(out, fmt.Sprintf("query word %q: %s", sl.text, x.whyText(&sl, &a)))
				} else {
					out = append(out, fmt.Sprintf("query word %q: found", sl.text))
				}
				found = true
				break
			}
		}
		switch {
		case !found && indexKind(kind) && sides&(1<<si) != 0:
			out = append(out, fmt.Sprintf("query word %q: a side, which the index does not name; the code's title judges it", sl.text))
		case !found:
			out = append(out, fmt.Sprintf("query word %q: not in this text", sl.text))
		}
	}
	b := "billable"
	if !e.Billable {
		b = "header, not billable (score ×0.7)"
	}
	out = append(out, fmt.Sprintf("%s; source weight %.2f; via weight %.2f; final score %.3f", b, docKindWeight[kind], viaWeight[t.via], final))
	return out
}

// codePrefix lists codes that start with the typed prefixes, billable first
// and shorter codes before longer ones.
func (x *Searcher) codePrefix(prefixes []string, rels *releases, opt SearchOptions) []Result {
	var out []Result
	for _, sys := range Systems {
		r := rels.by[sys]
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
