package hl7

import "encoding/json"

// MarshalJSON encodes the message as
//
//	{"delimiters":"|^~\\&","charset":"ASCII","segments":[{"id":"PID","fields":[…]}]}
//
// where fields[0] is field 1 and each field is, with text decoded:
// a string when it is a single value; an array of components when it has
// several (each a string, or an array of subcomponent strings); or
// {"repetitions":[…]} holding one such value per repetition. The HL7 null
// `""` is JSON null.
func (m *Message) MarshalJSON() ([]byte, error) {
	type seg struct {
		ID     string `json:"id"`
		Fields []any  `json:"fields"`
	}
	out := struct {
		Delimiters string `json:"delimiters"`
		Charset    string `json:"charset"`
		Segments   []seg  `json:"segments"`
	}{
		Delimiters: string(m.d.Field) + m.d.EncodingCharacters(),
		Charset:    m.charset.String(),
		Segments:   make([]seg, m.nseg),
	}
	for i := range m.nseg {
		s := m.segment(i)
		js := seg{ID: s.ID(), Fields: make([]any, s.NumFields())}
		for f := range js.Fields {
			js.Fields[f] = fieldJSON(s.Field(f + 1))
		}
		out.Segments[i] = js
	}
	return json.Marshal(out)
}

func leafJSON(v Value) any {
	if v.IsNull() {
		return nil
	}
	return v.String()
}

func fieldJSON(v Value) any {
	if v.level == levelAtomic {
		return string(v.b)
	}
	if n := v.NumReps(); n > 1 {
		reps := make([]any, n)
		for r := range n {
			reps[r] = repJSON(v.Rep(r + 1))
		}
		return map[string]any{"repetitions": reps}
	}
	return repJSON(v.Rep(1))
}

func repJSON(v Value) any {
	n := v.NumComps()
	if n == 1 && v.Comp(1).NumSubs() == 1 {
		return leafJSON(v.Comp(1))
	}
	comps := make([]any, n)
	for c := range n {
		comp := v.Comp(c + 1)
		if ns := comp.NumSubs(); ns > 1 {
			subs := make([]any, ns)
			for s := range ns {
				subs[s] = leafJSON(comp.Sub(s + 1))
			}
			comps[c] = subs
		} else {
			comps[c] = leafJSON(comp)
		}
	}
	return comps
}
