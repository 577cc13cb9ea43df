package roi

import "math"

// FeeSchedule is how a site charges for copies.
type FeeSchedule struct {
	Name          string
	Flat          float64 // a flat fee per request
	PerPage       float64 // a fee per page
	FirstPages    int     // pages at FirstPageRate before PerPage applies
	FirstPageRate float64
	Cap           float64 // a state's maximum; 0 for none
	// PatientAccessFlat is the flat fee for a patient's own electronic
	// copy (HHS allows a flat fee of up to $6.50 in place of actual cost).
	PatientAccessFlat float64
	WaivePatient      bool // charge patients nothing
}

// Fee returns the charge for pages released on basis b.
func (f FeeSchedule) Fee(b Basis, pages int, electronic bool) float64 {
	if b == Treatment || b == Payment || b == Operations || b == PublicHealth || b == LawEnforcementB {
		return 0
	}
	if b == RightOfAccess {
		if f.WaivePatient {
			return 0
		}
		if electronic && f.PatientAccessFlat > 0 {
			return f.PatientAccessFlat
		}
	}
	fee := f.Flat
	rest := pages
	if f.FirstPages > 0 {
		n := min(pages, f.FirstPages)
		fee += float64(n) * f.FirstPageRate
		rest -= n
	}
	fee += float64(rest) * f.PerPage
	if f.Cap > 0 && fee > f.Cap {
		fee = f.Cap
	}
	return math.Round(fee*100) / 100
}
