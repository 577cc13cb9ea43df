package codeset

// usualApproaches names, for the PCS tables whose codes differ mostly by
// approach, the approach a coder means when the query does not say one:
// insertions into and dilations of the heart and vessels are made through
// the skin (a central line, a pacemaker lead, a stent), body cavities,
// joints and the spinal canal are drained by needle (thoracentesis,
// arthrocentesis, a lumbar puncture), bone marrow is drawn and vertebrae
// filled by needle, tonsils and adenoids are taken through the mouth, a
// bladder is drained by a urethral catheter and operated on through a
// cystoscope. Keys are a code's first three or four characters; the value
// is the fifth character, the approach.
var usualApproaches = map[string]byte{
	"02H": '3', "03H": '3', "04H": '3', "05H": '3', "06H": '3',
	"027": '3', "037": '3', "047": '3', "057": '3', "067": '3',
	"0W9": '3', "0R9": '3', "0S9": '3', "009U": '3',
	"07D": '3', "0PU3": '3', "0PU4": '3', "0QU0": '3', "0QU1": '3',
	"0CTP": 'X', "0CTQ": 'X', "0CBP": 'X', "0CBQ": 'X',
	"0T9B": '7', "0TBB": '8', "0T5B": '8', "0TCB": '8', "0TP9": '8',
	"0T76": '8', "0T77": '8', "0T78": '8',
	// drugs, blood and fluids go in by needle; a nephrostomy and a
	// gallbladder drain through the skin; an EEG, EMG or Holter is
	// recorded from the skin; an EP study and a catheter ablation are
	// made through the skin, bile duct stones are taken out through the
	// ERCP scope, a PEG is placed through the skin under a scope, and
	// membranes are ruptured through the vagina
	"3E0": '3', "302": '3',
	"0T90": '3', "0T91": '3', "0T93": '3', "0T94": '3', "0F94": '3',
	"4A00": 'X', "4A01": 'X', "4A10": 'X', "4A12": 'X',
	"02K": '3', "025": '3',
	"0FC9": '8', "0FF9": '8', "0FC8": '8', "0FF8": '8',
	"0DH6": '4', "1090": '7',
	// hemorrhoids are banded through the anus (06LY7CC), and retained
	// products of conception taken out through the vagina (10D17ZZ)
	"06LY": '7', "10D1": '7',
}

// usualApproach reports whether a PCS code's approach is the one
// usualApproaches gives its table.
func usualApproach(code string) bool {
	if len(code) != 7 {
		return false
	}
	a, ok := usualApproaches[code[:4]]
	if !ok {
		a, ok = usualApproaches[code[:3]]
	}
	return ok && code[4] == a
}

// pcsApproachWords are the words of PCS approach values other than the
// weak "open" and "approach". A PCS title's precision does not count them,
// so that titles differing only in their approach tie when the query
// names none, and the usual approach, not the shortest title, comes first.
var pcsApproachWords = stemSet("percutaneous endoscopic via natural artificial opening external assistance")

// approachOrder orders the approaches of codes otherwise alike when the
// query names none and their table has no usual approach: the open
// approach first, then through the skin, through a scope, and through a
// natural opening, as the number of words in their titles once ordered
// them. The steps are small, so that they only break ties: what the
// query names always weighs more.
func approachOrder(code string) float32 {
	if len(code) != 7 || code[0] != '0' && code[0] != '1' && code[0] != '3' && code[0] != '4' {
		return 1
	}
	switch code[4] {
	case '3', 'X':
		return 0.996
	case '4':
		return 0.992
	case '7':
		return 0.99
	case '8':
		return 0.988
	case 'F':
		return 0.985
	}
	return 1
}
