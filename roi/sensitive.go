package roi

import (
	"strings"
)

// Category is a kind of sensitive information that a release leaves out
// unless the authorization names it.
type Category string

// The sensitive categories.
const (
	SubstanceUse       Category = "substance-use"       // 42 CFR Part 2 records
	PsychotherapyNotes Category = "psychotherapy-notes" // 164.501, 164.508(a)(2)
	HIV                Category = "hiv"                 // HIV/AIDS and other STDs (state law)
	MentalHealth       Category = "mental-health"
	Genetic            Category = "genetic"      // GINA and state genetic privacy laws
	Reproductive       Category = "reproductive" // 2024 rule: attestation for some requests (164.509)
)

// Categories lists every sensitive category.
func Categories() []Category {
	return []Category{SubstanceUse, PsychotherapyNotes, HIV, MentalHealth, Genetic, Reproductive}
}

// ParseCategory parses a category name.
func ParseCategory(s string) (Category, bool) {
	for _, c := range Categories() {
		if string(c) == strings.TrimSpace(s) {
			return c, true
		}
	}
	return "", false
}

// codeRanges maps ICD-10-CM code ranges (inclusive, by the code without its
// dot) to the category they make a record.
var codeRanges = []struct {
	from, to string
	cat      Category
}{
	{"F10", "F19ZZZZ", SubstanceUse}, // mental and behavioural disorders due to psychoactive substance use
	{"T40", "T40ZZZZ", SubstanceUse}, // poisoning by narcotics (when tied to use disorder treatment)
	{"Z71.41", "Z71.52", SubstanceUse},
	{"B20", "B20ZZZZ", HIV},
	{"Z21", "Z21ZZZZ", HIV},
	{"R75", "R75ZZZZ", HIV},
	{"A50", "A64ZZZZ", HIV}, // infections with a predominantly sexual mode of transmission
	{"F01", "F09ZZZZ", MentalHealth},
	{"F20", "F99ZZZZ", MentalHealth},
	{"Z15", "Z15ZZZZ", Genetic}, // genetic susceptibility to disease
	{"Z14", "Z14ZZZZ", Genetic}, // genetic carrier
	{"O00", "O08ZZZZ", Reproductive},
	{"Z30", "Z33ZZZZ", Reproductive},
	{"Z3A", "Z3AZZZZ", Reproductive},
}

// CategoriesOfCode returns the categories an ICD-10-CM code puts a record
// in. Codes are compared without their dot.
func CategoriesOfCode(code string) []Category {
	c := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(code), ".", ""))
	var out []Category
	for _, r := range codeRanges {
		from := strings.ReplaceAll(r.from, ".", "")
		to := strings.ReplaceAll(r.to, ".", "")
		if c >= from && c <= to && !contains(out, r.cat) {
			out = append(out, r.cat)
		}
	}
	return out
}

// CategoriesOfDocument returns the categories a document's type and source
// put it in: psychotherapy notes by type, Part 2 by a program source.
func CategoriesOfDocument(docType, source string) []Category {
	var out []Category
	if docType == "psychotherapy-note" {
		out = append(out, PsychotherapyNotes, MentalHealth)
	}
	s := strings.ToLower(source)
	if strings.Contains(s, "part2") || strings.Contains(s, "sud-program") || strings.Contains(s, "substance") {
		out = append(out, SubstanceUse)
	}
	return out
}

func contains(cs []Category, c Category) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// Excluded returns the categories of an item that the release must leave
// out: every sensitive category the authorization does not name. For the
// patient's own right of access nothing is excluded but psychotherapy notes
// (164.524(a)(1)(i)).
func Excluded(itemCats []Category, basis Basis, authorized []Category) []Category {
	var out []Category
	for _, c := range itemCats {
		switch {
		case basis == RightOfAccess && c != PsychotherapyNotes:
		case basis == Treatment && c != PsychotherapyNotes && c != SubstanceUse:
		case contains(authorized, c):
		default:
			out = append(out, c)
		}
	}
	return out
}

// Part2Notice is the notice that must accompany a disclosure of records
// under 42 CFR Part 2 (2.32, as amended in 2024).
const Part2Notice = "This record which has been disclosed to you is protected by federal confidentiality rules (42 CFR part 2). " +
	"These rules prohibit you from using or disclosing this record, or testimony that describes the information contained in this record, " +
	"in any civil, criminal, administrative, or legislative proceedings by any Federal, State, or local authority, against the patient, " +
	"unless authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with " +
	"42 CFR 2.64 or 2.65. In addition, the federal rules prohibit you from making any other use or disclosure of this record unless at least " +
	"one of the following applies: (1) Further use or disclosure is expressly permitted by the written consent of the individual whose " +
	"information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. (2) You are a covered entity or business " +
	"associate and have received the record for treatment, payment, or health care operations, or (3) You have received the record from a " +
	"covered entity or business associate as permitted by 45 CFR part 164, subparts A and E. A general authorization for the release of " +
	"medical or other information is NOT sufficient to meet the required elements of written consent to further use or redisclose the record (see 42 CFR 2.31)."
