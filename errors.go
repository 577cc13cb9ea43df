// Package chartroom holds the domain of the Chartroom health information
// management platform: the legal health record (patients, encounters,
// providers, documents, amendments), the value types that can only be built
// by parsing, the error type, and the service interfaces that the storage
// engines implement. It does no I/O of its own; a test checks that it imports
// no driver and no net/http.
package chartroom

import (
	"errors"
	"fmt"
)

// Kind classifies an error so that each adapter (HTTP, CLI) can answer it
// the same way. The HTTP adapter maps kinds to status codes in one table.
type Kind uint8

// The kinds of error.
const (
	KindOther        Kind = iota // an unexpected failure: 500, details only in the log
	KindInvalid                  // the input is malformed or breaks a rule: 400/422
	KindNotFound                 // no such object, or not visible to this user: 404
	KindConflict                 // the object changed or already exists: 409
	KindUnauthorized             // not signed in, or the credentials are wrong: 401
	KindForbidden                // signed in but not allowed: 403
	KindUnavailable              // a dependency (database, disk) is unreachable: 503
	KindTooLarge                 // an upload or message exceeds a limit: 413
	KindGone                     // it existed but is no longer available (an expired link): 410
)

var kindNames = [...]string{"internal", "invalid", "not_found", "conflict", "unauthorized", "forbidden", "unavailable", "too_large", "gone"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// Error is the one error type of Chartroom. Message is written for the person
// who made the request; it never holds health information when the error may
// be logged, so values are named by field, not quoted, unless the caller
// decides otherwise.
type Error struct {
	Kind    Kind
	Op      string // the operation, such as "patient.create"
	Field   string // the input field at fault, such as "birth_date", if any
	Message string // what is wrong, for a person
	Err     error  // the underlying cause, if any
}

func (e *Error) Error() string {
	msg := e.Message
	if msg == "" && e.Err != nil {
		msg = e.Err.Error()
	} else if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	if e.Field != "" {
		msg = e.Field + ": " + msg
	}
	if e.Op != "" {
		msg = e.Op + ": " + msg
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error of the given kind about field (which may be empty).
func Errorf(kind Kind, field, format string, args ...any) *Error {
	return &Error{Kind: kind, Field: field, Message: fmt.Sprintf(format, args...)}
}

// E wraps err as the failure of op. An *Error inside keeps its kind, field and
// message; any other error becomes KindOther.
func E(op string, err error) error {
	if err == nil {
		return nil
	}
	var ce *Error
	if errors.As(err, &ce) {
		c := *ce
		if c.Op == "" {
			c.Op = op
		}
		return &c
	}
	return &Error{Kind: KindOther, Op: op, Err: err}
}

// ErrorKind reports the kind of err, KindOther when it carries none.
func ErrorKind(err error) Kind {
	var ce *Error
	if errors.As(err, &ce) {
		return ce.Kind
	}
	return KindOther
}

// ErrorField reports the input field named by err, if any.
func ErrorField(err error) string {
	var ce *Error
	if errors.As(err, &ce) {
		return ce.Field
	}
	return ""
}

// ErrorMessage reports the person-facing message of err. For KindOther it
// says only that something went wrong, so internals do not leak.
func ErrorMessage(err error) string {
	var ce *Error
	if errors.As(err, &ce) && ce.Kind != KindOther {
		if ce.Message != "" {
			return ce.Message
		}
		if ce.Err != nil {
			return ce.Err.Error()
		}
	}
	return "internal error"
}

// NotFound returns a KindNotFound error for the named object.
func NotFound(what string) *Error {
	return &Error{Kind: KindNotFound, Message: what + " not found"}
}

// Invalid returns a KindInvalid error about field.
func Invalid(field, format string, args ...any) *Error {
	return Errorf(KindInvalid, field, format, args...)
}
