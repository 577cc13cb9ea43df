package coding

import (
	"cmp"
	"slices"
)

// A coder accepts or rejects each computer-assisted suggestion. Decisions
// are counted per code and per rule (what produced the suggestion), so the
// precision of the suggestions can be followed over time and a rule that
// coders keep rejecting can be found.

// Decision values.
const (
	Accepted = "accepted"
	Rejected = "rejected"
)

// SuggestionDecision is one coder's latest decision on one suggestion.
type SuggestionDecision struct {
	Code     string `json:"code"`
	Rule     string `json:"rule"`
	Decision string `json:"decision"` // Accepted or Rejected
}

// AcceptanceRate counts the decisions on one code or one rule.
type AcceptanceRate struct {
	Key      string  `json:"key"` // the code or the rule
	Accepted int     `json:"accepted"`
	Rejected int     `json:"rejected"`
	Rate     float64 `json:"rate"` // accepted / (accepted + rejected)
}

// AcceptanceRates counts decisions by code and by rule, most decided
// first.
func AcceptanceRates(ds []SuggestionDecision) (byCode, byRule []AcceptanceRate) {
	return rates(ds, func(d SuggestionDecision) string { return d.Code }),
		rates(ds, func(d SuggestionDecision) string { return d.Rule })
}

func rates(ds []SuggestionDecision, key func(SuggestionDecision) string) []AcceptanceRate {
	at := map[string]int{}
	var out []AcceptanceRate
	for _, d := range ds {
		k := key(d)
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, AcceptanceRate{Key: k})
		}
		if d.Decision == Accepted {
			out[i].Accepted++
		} else {
			out[i].Rejected++
		}
	}
	for i := range out {
		out[i].Rate = float64(out[i].Accepted) / float64(out[i].Accepted+out[i].Rejected)
	}
	slices.SortFunc(out, func(a, b AcceptanceRate) int {
		if c := cmp.Compare(b.Accepted+b.Rejected, a.Accepted+a.Rejected); c != 0 {
			return c
		}
		return cmp.Compare(a.Key, b.Key)
	})
	return out
}
