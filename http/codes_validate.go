package http

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/codeset"
)

// maxValidateCodes bounds one list of codes to check (a claim holds at most
// 25 diagnoses and 25 procedures).
const maxValidateCodes = 100

// validateRequest reads the codes of one encounter and what they are
// checked for from form or query values: codes (separated by commas,
// spaces or lines), date, age, sex, setting and principal. The API and the
// encoder's validate page both use it, so they check the same way.
func validateRequest(v url.Values) ([]string, codeset.ValidateOptions, error) {
	get := func(k string) string { return strings.TrimSpace(v.Get(k)) }
	codes := strings.FieldsFunc(get("codes"), func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
	opt := codeset.ValidateOptions{Age: -1, Principal: get("principal")}
	if len(codes) == 0 && opt.Principal == "" {
		return nil, opt, chartroom.Invalid("codes", "give the codes to check, separated by commas")
	}
	if len(codes) > maxValidateCodes {
		return nil, opt, chartroom.Invalid("codes", "check at most %d codes at a time", maxValidateCodes)
	}
	if s := get("date"); s != "" {
		d, err := codeset.ParseDate(s)
		if err != nil {
			return nil, opt, chartroom.Invalid("date", "%v", err)
		}
		opt.Date = d
	}
	if a := get("age"); a != "" {
		n, err := strconv.Atoi(a)
		if err != nil || n < 0 || n > 130 {
			return nil, opt, chartroom.Invalid("age", "want an age in years")
		}
		opt.Age = n
	}
	switch strings.ToUpper(get("sex")) {
	case "F":
		opt.Sex = 'F'
	case "M":
		opt.Sex = 'M'
	case "":
	default:
		return nil, opt, chartroom.Invalid("sex", "want F or M")
	}
	switch s := strings.ToLower(get("setting")); s {
	case "", "inpatient", "outpatient":
		opt.Setting = s
	default:
		return nil, opt, chartroom.Invalid("setting", "want inpatient or outpatient")
	}
	return codes, opt, nil
}

// handleCodesValidatePage shows the encoder's validate form.
func (s *Server) handleCodesValidatePage(w http.ResponseWriter, r *http.Request) error {
	data := map[string]any{"Title": "Validate codes", "Nav": "codes", "F": map[string]string{"setting": "inpatient"}}
	if _, _, err := s.Codes.get(); err != nil {
		data["Unavailable"] = chartroom.ErrorMessage(err)
	}
	s.render(w, r, http.StatusOK, "codes_validate.html", data)
	return nil
}

// handleCodesValidate checks the posted codes of one encounter, as
// "chartroom codes validate" does, and lists each problem with its rule
// and a suggested fix. It is a POST so that the encounter's codes, age and
// sex stay out of URLs, access logs and browser history.
func (s *Server) handleCodesValidate(w http.ResponseWriter, r *http.Request) error {
	form := map[string]string{}
	for _, k := range []string{"codes", "date", "age", "sex", "setting", "principal"} {
		form[k] = strings.TrimSpace(r.PostFormValue(k))
	}
	data := map[string]any{"Title": "Validate codes", "Nav": "codes", "F": form}
	set, _, err := s.Codes.get()
	if err != nil {
		data["Unavailable"] = chartroom.ErrorMessage(err)
		s.render(w, r, http.StatusOK, "codes_validate.html", data)
		return nil
	}
	codes, opt, err := validateRequest(r.PostForm)
	if err != nil {
		data["Error"] = chartroom.ErrorMessage(err)
		s.render(w, r, http.StatusBadRequest, "codes_validate.html", data)
		return nil
	}
	problems := set.Validate(codes, opt)
	errs := 0
	for _, p := range problems {
		if p.Severity == "error" {
			errs++
		}
	}
	data["Checked"], data["Codes"], data["Problems"], data["Errors"] = true, codes, problems, errs
	data["On"] = "the newest release"
	if opt.Date != 0 {
		data["On"] = opt.Date.String()
	}
	s.render(w, r, http.StatusOK, "codes_validate.html", data)
	return nil
}
