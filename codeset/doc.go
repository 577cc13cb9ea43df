// Package codeset loads the official US code set release files (ICD-10-CM,
// ICD-10-PCS, HCPCS Level II, a site's licensed CPT file, the GEMs and the
// Medicare Code Editor lists), keeps every release side by side with the
// dates each code is valid for, and answers the encoder's questions: search
// by words, abbreviations, misspellings and code prefixes; show a code with
// its hierarchy and notes; validate a list of codes; diff two releases; and
// walk a PCS table axis by axis.
//
// A "release" is one publication of a code set (for ICD-10 a fiscal year that
// starts on October 1, with an optional April 1 update). Files are recognised
// by their content, never by their name, and an import is all or nothing.
package codeset
