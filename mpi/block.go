package mpi

import (
	"slices"
	"strings"
)

// The blocking keys. Two records become a candidate pair when they share
// any one of them; each key forgives errors the others do not:
//
//	keySSN          the SSN (any name or date error)
//	keyNames        NYSIIS of family and of the formal given name, in either order, and the birth decade (date errors, swapped names)
//	keyFamilyYear   NYSIIS of family and the birth year and month (given-name errors, day errors)
//	keyGivenDate    NYSIIS of the formal given name and the birth date (a changed family name)
//	keyDatePostal   the birth date and the postcode (misspelt names)
//	keyPhone        the phone number
//	keyDateFamily   the birth date and the family initial (a misspelt given name, moved)
//	keyDateGiven    the birth date and the given initial (a new or misspelt family name, moved)
//	keyNamesPostal  both names' NYSIIS in either order and the postcode (a mistyped date)
//	keyStreetGiven  the street line and the given name's first letter (a new family name and a mistyped date)
//	keySSNHead      the SSN's first five digits and both initials (a mistyped last four)
//	keySSNTail      the SSN's last four digits and both initials (a mistyped first five)
//	keyDateInitials the birth date and both initials in either order (names swapped and misspelt, moved)
//	keyNamesDay     both names' NYSIIS in either order and the birth month and day (a mistyped year, moved)
//	keyHouse        the house number, the postcode and the given initial (a new family name, a mistyped date and street)
//
// Initials are taken in either order wherever both are used, so that a
// name entered the wrong way round still meets its record.
const (
	keySSN = iota
	keyNames
	keyFamilyYear
	keyGivenDate
	keyDatePostal
	keyPhone
	keyDateFamily
	keyDateGiven
	keyNamesPostal
	keyStreetGiven
	keySSNHead
	keySSNTail
	keyDateInitials
	keyNamesDay
	keyHouse
	numKeys
)

// KeyNames names the blocking keys, for statistics.
var KeyNames = [numKeys]string{"ssn", "names", "family+month", "given+date", "date+postal", "phone", "date+family", "date+given", "names+postal", "street+given", "ssn-head", "ssn-tail", "date+initials", "names+day", "house"}

type keys [numKeys]uint64

func hashKey(kind byte, parts ...string) uint64 {
	// FNV-1a, so that keys (and so the order of work) are the same on
	// every run.
	const prime = 1099511628211
	k := uint64(14695981039346656037)
	k = (k ^ uint64(kind)) * prime
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			k = (k ^ uint64(p[i])) * prime
		}
		k = (k ^ 0xff) * prime
	}
	k ^= k >> 29 // mix the high bits down
	if k == 0 {
		k = 1
	}
	return k
}

// blockKeys computes a record's blocking keys; 0 means the record has no
// value for that key.
func blockKeys(p *prepared) keys {
	var k keys
	if len(p.ssn) >= 7 {
		k[keySSN] = hashKey(keySSN, p.ssn)
	}
	gk := nysiis(p.givenFormal)
	if p.familyKey != "" && gk != "" {
		a, b := p.familyKey, gk
		if a > b {
			a, b = b, a
		}
		decade := ""
		if p.dob != "" {
			decade = p.dob[:3]
		}
		k[keyNames] = hashKey(keyNames, a, b, decade)
	}
	if p.familyKey != "" && p.dob != "" {
		k[keyFamilyYear] = hashKey(keyFamilyYear, p.familyKey, p.dob[:6])
	}
	if gk != "" && p.dob != "" {
		k[keyGivenDate] = hashKey(keyGivenDate, gk, p.dob)
	}
	if p.dob != "" && p.postal != "" {
		k[keyDatePostal] = hashKey(keyDatePostal, p.dob, p.postal)
	}
	if len(p.phone) >= 7 {
		k[keyPhone] = hashKey(keyPhone, p.phone)
	}
	if p.dob != "" && p.family != "" {
		k[keyDateFamily] = hashKey(keyDateFamily, p.dob, p.family[:1])
	}
	if p.dob != "" && p.given != "" {
		k[keyDateGiven] = hashKey(keyDateGiven, p.dob, p.given[:1])
	}
	if p.familyKey != "" && gk != "" && p.postal != "" {
		a, b := p.familyKey, gk
		if a > b {
			a, b = b, a
		}
		k[keyNamesPostal] = hashKey(keyNamesPostal, a, b, p.postal)
	}
	if p.familyKey != "" && gk != "" && p.dob != "" {
		a, b := p.familyKey, gk
		if a > b {
			a, b = b, a
		}
		k[keyNamesDay] = hashKey(keyNamesDay, a, b, p.dob[4:])
	}
	if p.street != "" && p.given != "" {
		k[keyStreetGiven] = hashKey(keyStreetGiven, p.street, p.given[:1])
	}
	if p.family != "" && p.given != "" {
		i1, i2 := p.given[:1], p.family[:1]
		if i1 > i2 {
			i1, i2 = i2, i1
		}
		if len(p.ssn) >= 7 {
			k[keySSNHead] = hashKey(keySSNHead, p.ssn[:5], i1, i2)
			k[keySSNTail] = hashKey(keySSNTail, p.ssn[len(p.ssn)-4:], i1, i2)
		}
		if p.dob != "" {
			k[keyDateInitials] = hashKey(keyDateInitials, p.dob, i1, i2)
		}
	}
	if p.postal != "" && p.given != "" {
		if house, _, _ := strings.Cut(p.street, " "); house != "" && house[0] >= '0' && house[0] <= '9' {
			k[keyHouse] = hashKey(keyHouse, house, p.postal, p.given[:1])
		}
	}
	return k
}

// seenEarlier reports whether a pair that shares key kind also shares an
// earlier key, so that each pair is compared once however many keys it
// shares.
func seenEarlier(a, b *keys, kind int) bool {
	for k := 0; k < kind; k++ {
		if a[k] != 0 && a[k] == b[k] {
			return true
		}
	}
	return false
}

type entry struct {
	key  uint64
	rec  int32
	kind uint8
	side uint8 // 0 left, 1 right (linking); always 0 when deduplicating
}

type block struct{ start, end int32 }

// blocks holds every record's key entries sorted by key, and the runs of
// equal keys that can yield pairs.
type blocking struct {
	entries   []entry
	blocks    []block
	pairs     int64 // pairs the blocks hold before removing repeats
	oversized int   // blocks skipped for being larger than the cap
}

// buildBlocks groups records by key. With linking, left records are
// 0..split-1 and only pairs across the sides count.
func buildBlocks(ks []keys, split int, maxBlock int) *blocking {
	b := &blocking{entries: make([]entry, 0, len(ks)*4)}
	for i := range ks {
		side := uint8(0)
		if split >= 0 && i >= split {
			side = 1
		}
		for k, v := range ks[i] {
			if v != 0 {
				b.entries = append(b.entries, entry{key: v, rec: int32(i), kind: uint8(k), side: side})
			}
		}
	}
	slices.SortFunc(b.entries, func(x, y entry) int {
		switch {
		case x.key < y.key:
			return -1
		case x.key > y.key:
			return 1
		}
		return int(x.rec) - int(y.rec)
	})
	for s := 0; s < len(b.entries); {
		e := s + 1
		for e < len(b.entries) && b.entries[e].key == b.entries[s].key {
			e++
		}
		if n := e - s; n >= 2 {
			var pairs int64
			if split < 0 {
				pairs = int64(n) * int64(n-1) / 2
			} else {
				var left int64
				for _, x := range b.entries[s:e] {
					if x.side == 0 {
						left++
					}
				}
				pairs = left * (int64(n) - left)
			}
			switch {
			case pairs == 0:
			case n > maxBlock:
				b.oversized++
			default:
				b.blocks = append(b.blocks, block{int32(s), int32(e)})
				b.pairs += pairs
			}
		}
		s = e
	}
	return b
}

// each calls fn for every distinct candidate pair of the blocks from lo to
// hi (by index), left record first when linking.
func (b *blocking) each(ks []keys, split int, lo, hi int, fn func(i, j int32)) {
	for _, bl := range b.blocks[lo:hi] {
		es := b.entries[bl.start:bl.end]
		kind := int(es[0].kind)
		for x := 0; x < len(es); x++ {
			for y := x + 1; y < len(es); y++ {
				i, j := es[x].rec, es[y].rec
				if split >= 0 {
					if es[x].side == es[y].side {
						continue
					}
					if es[x].side == 1 {
						i, j = j, i
					}
				}
				if seenEarlier(&ks[i], &ks[j], kind) {
					continue
				}
				fn(i, j)
			}
		}
	}
}

func (b *blocking) blockPairs(bl block, split int) int64 {
	n := int64(bl.end - bl.start)
	if split < 0 {
		return n * (n - 1) / 2
	}
	var left int64
	for _, x := range b.entries[bl.start:bl.end] {
		if x.side == 0 {
			left++
		}
	}
	return left * (n - left)
}
