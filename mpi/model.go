package mpi

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
)

// defaultModel holds m probabilities learnt from 100,000 fictitious
// registrations (chartroom mpi synth --n 100000 --seed 11, then mpi dedupe
// --save-model). A small index starts from it: EM needs a few hundred
// duplicates to learn from, and u is always re-estimated from the site's
// own records.
//
//go:embed default_model.json
var defaultModel []byte

// Model holds the Fellegi–Sunter parameters: for every field and agreement
// level, m (the chance of that level when the two records are the same
// person) and u (the chance when they are not), the prior chance that two
// records picked at random match, and the probability thresholds of the
// decisions. A field marked Pinned keeps the values a site set and is not
// re-estimated.
type Model struct {
	Lambda   float64
	M, U     [NumFields][maxLevels]float64
	Pinned   [NumFields]bool
	LinkAt   float64 // probability at or above which a pair is linked
	ReviewAt float64 // probability at or above which a pair is reviewed

	weights [NumFields][maxLevels]float64
}

// Default decision thresholds: a pair is linked when it is at least 95%
// likely to be one person, and shown for review from 50% (more likely than
// not) up.
const (
	DefaultLinkAt   = 0.95
	DefaultReviewAt = 0.5
)

// DefaultModel returns the model Chartroom starts from: m learnt from
// fictitious registrations, u to be estimated from the site's records.
func DefaultModel() *Model {
	var m Model
	if err := json.Unmarshal(defaultModel, &m); err != nil {
		panic("mpi: the embedded default model is invalid: " + err.Error())
	}
	return &m
}

// newModel returns plain starting values for EM: agreement is much likelier
// among matches, u is filled in from random pairs.
func newModel() *Model {
	m := &Model{Lambda: 1e-4, LinkAt: DefaultLinkAt, ReviewAt: DefaultReviewAt}
	for f := Field(0); f < NumFields; f++ {
		n := numLevels(f)
		// m: 0.85 exact, the rest shared downward, disagreement 0.03.
		m.M[f][1] = 0.85
		rest := 0.12
		for l := 2; l < n-1; l++ {
			m.M[f][l] = rest / 2
			rest /= 2
		}
		m.M[f][n-1] = 0.03 + rest
		for l := 1; l < n; l++ {
			m.U[f][l] = 1 / float64(n-1)
		}
	}
	m.normalise()
	return m
}

// floor keeps probabilities away from zero so that weights stay finite.
const floor = 1e-6

// normalise makes each field's m and u sum to one over levels 1.. and
// recomputes the weights.
func (m *Model) normalise() {
	for f := Field(0); f < NumFields; f++ {
		n := numLevels(f)
		var sm, su float64
		for l := 1; l < n; l++ {
			m.M[f][l] = math.Max(m.M[f][l], floor)
			m.U[f][l] = math.Max(m.U[f][l], floor)
			sm += m.M[f][l]
			su += m.U[f][l]
		}
		for l := 1; l < n; l++ {
			m.M[f][l] /= sm
			m.U[f][l] /= su
			m.weights[f][l] = math.Log2(m.M[f][l] / m.U[f][l])
		}
		m.weights[f][missing] = 0
	}
	if m.Lambda <= 0 || m.Lambda >= 1 || math.IsNaN(m.Lambda) {
		m.Lambda = 1e-6
	}
	if m.LinkAt == 0 {
		m.LinkAt = DefaultLinkAt
	}
	if m.ReviewAt == 0 {
		m.ReviewAt = DefaultReviewAt
	}
}

// Prior returns log2 of the prior odds of a match.
func (m *Model) Prior() float64 { return math.Log2(m.Lambda / (1 - m.Lambda)) }

// Weight returns the weight of field f at level l.
func (m *Model) Weight(f Field, l int) float64 { return m.weights[f][l] }

// Decide turns a probability into a decision.
func (m *Model) Decide(p float64) Decision {
	switch {
	case p >= m.LinkAt:
		return AutoLink
	case p >= m.ReviewAt:
		return Review
	}
	return NonMatch
}

// Validate reports the first problem with a model a site supplied.
func (m *Model) Validate() error {
	if !(m.Lambda > 0 && m.Lambda < 1) {
		return fmt.Errorf("lambda %v is not a probability between 0 and 1", m.Lambda)
	}
	if !(m.ReviewAt > 0 && m.ReviewAt <= m.LinkAt && m.LinkAt < 1) {
		return fmt.Errorf("thresholds must satisfy 0 < review_at (%v) <= link_at (%v) < 1", m.ReviewAt, m.LinkAt)
	}
	for f := Field(0); f < NumFields; f++ {
		for l := 1; l < numLevels(f); l++ {
			if !(m.M[f][l] >= 0 && m.M[f][l] <= 1 && m.U[f][l] >= 0 && m.U[f][l] <= 1) {
				return fmt.Errorf("%s level %q: m and u must be probabilities", f, levelNames[f][l-1])
			}
		}
	}
	return nil
}

type jsonLevel struct {
	Level  string  `json:"level"`
	M      float64 `json:"m"`
	U      float64 `json:"u"`
	Weight float64 `json:"weight"`
}

type jsonField struct {
	Field  string      `json:"field"`
	Pinned bool        `json:"pinned,omitempty"`
	Levels []jsonLevel `json:"levels"`
}

type jsonModel struct {
	Lambda   float64     `json:"lambda"`
	LinkAt   float64     `json:"link_at"`
	ReviewAt float64     `json:"review_at"`
	Fields   []jsonField `json:"fields"`
}

// MarshalJSON writes the model in a form a person can read and edit: every
// field with its levels' m, u and weight.
func (m *Model) MarshalJSON() ([]byte, error) {
	j := jsonModel{Lambda: m.Lambda, LinkAt: m.LinkAt, ReviewAt: m.ReviewAt}
	for f := Field(0); f < NumFields; f++ {
		jf := jsonField{Field: f.String(), Pinned: m.Pinned[f]}
		for l := 1; l < numLevels(f); l++ {
			jf.Levels = append(jf.Levels, jsonLevel{levelNames[f][l-1], m.M[f][l], m.U[f][l], math.Round(m.weights[f][l]*1000) / 1000})
		}
		j.Fields = append(j.Fields, jf)
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads a model written by MarshalJSON. Fields and levels it
// does not name keep their starting values and are estimated.
func (m *Model) UnmarshalJSON(b []byte) error {
	var j jsonModel
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*m = *newModel()
	m.Lambda, m.LinkAt, m.ReviewAt = j.Lambda, j.LinkAt, j.ReviewAt
	for _, jf := range j.Fields {
		f, ok := ParseField(jf.Field)
		if !ok {
			return fmt.Errorf("model: unknown field %q", jf.Field)
		}
		m.Pinned[f] = jf.Pinned
		for _, jl := range jf.Levels {
			l := levelIndex(f, jl.Level)
			if l < 0 {
				return fmt.Errorf("model: field %s has no level %q (it has %v)", f, jl.Level, levelNames[f])
			}
			m.M[f][l], m.U[f][l] = jl.M, jl.U
		}
	}
	if err := m.Validate(); err != nil {
		return fmt.Errorf("model: %w", err)
	}
	m.normalise()
	return nil
}

func levelIndex(f Field, name string) int {
	for i, n := range levelNames[f] {
		if n == name {
			return i + 1
		}
	}
	return -1
}
