package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strconv"
	"sync"
	"time"
	"unicode"

	"github.com/chartroom/chartroom/hl7"
	"github.com/chartroom/chartroom/mllp"
)

func init() {
	register(&command{name: "hl7", summary: "parse, validate and send HL7 v2 messages", run: runHL7})
}

func runHL7(ctx context.Context, env *Env, args []string) error {
	return dispatch(ctx, env, "hl7", map[string]verb{
		"parse":    {"print the structure of HL7 v2 messages (tree or JSON)", runHL7Parse},
		"validate": {"report every problem in HL7 v2 files; exit 1 if any is invalid", runHL7Validate},
		"send":     {"send HL7 v2 messages over MLLP and check each acknowledgement", runHL7Send},
	}, args)
}

// openInput opens a file argument; "-" is standard input.
func openInput(env *Env, name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(env.Stdin), nil
	}
	return os.Open(name)
}

func runHL7Parse(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hl7 parse", "hl7 parse [--format tree|json] FILE…", `
Parse each FILE (or - for standard input) and print every message it holds:
batch and file envelopes (FHS/BHS/BTS/FTS) are unwrapped, and segments may
end in CR, LF or CRLF.

--format tree prints one line per non-empty value with its path
(PID-3[2].1) and decoded text. --format json prints one JSON object per
message and line: {"delimiters", "charset", "segments": [{"id", "fields"}]},
where a field is a string, an array of components (a component with
subcomponents is an array of strings), or {"repetitions": […]}, and the HL7
null "" is null.

Messages that cannot be parsed are reported on standard error with their
file and line, and the command exits with status 1.`)
	format := fs.String("format", "tree", "output format: tree or json")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *format != "tree" && *format != "json" {
		fmt.Fprintf(env.Stderr, "chartroom hl7 parse: --format must be tree or json, not %q\n", *format)
		return errUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	failed := false
	for _, name := range fs.Args() {
		f, err := openInput(env, name)
		if err != nil {
			return err
		}
		sc := hl7.NewScanner(f)
		for sc.Scan() {
			m, err := sc.Message()
			if err != nil {
				fmt.Fprintf(env.Stderr, "%s: message %d: %v\n", name, sc.Count(), err)
				failed = true
				continue
			}
			if *format == "json" {
				b, err := json.Marshal(m)
				if err != nil {
					f.Close()
					return err
				}
				env.Stdout.Write(append(b, '\n'))
				continue
			}
			printTree(env.Stdout, name, sc.Count(), m)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	if failed {
		return exitError{1}
	}
	return nil
}

// printTree prints a message as one line per non-empty leaf.
func printTree(w io.Writer, file string, n int, m *hl7.Message) {
	h := m.Header()
	fmt.Fprintf(w, "%s message %d: %s control ID %q version %s, %d segments\n",
		file, n, h.MessageType(), h.ControlID, h.Version, m.NumSegments())
	var c hl7.Cursor
	c.Reset(m)
	var buf []byte
	lastSeg := -1
	for c.Next() {
		seg := c.Segment()
		if seg.Index() != lastSeg {
			lastSeg = seg.Index()
			fmt.Fprintf(w, "  %s\n", seg.ID())
		}
		v := c.Value()
		if v.IsEmpty() {
			continue
		}
		f := seg.Field(c.Field)
		path := seg.ID() + "-" + strconv.Itoa(c.Field)
		if f.NumReps() > 1 {
			path += "[" + strconv.Itoa(c.Rep) + "]"
		}
		if f.Rep(c.Rep).NumComps() > 1 || f.Rep(c.Rep).Comp(c.Comp).NumSubs() > 1 {
			path += "." + strconv.Itoa(c.Comp)
			if f.Rep(c.Rep).Comp(c.Comp).NumSubs() > 1 {
				path += "." + strconv.Itoa(c.Sub)
			}
		}
		buf = c.AppendText(buf[:0])
		text := string(buf)
		if v.IsNull() {
			text = `"" (null)`
		} else if !printable(text) {
			text = strconv.Quote(text)
		}
		fmt.Fprintf(w, "    %-16s %s\n", path, text)
	}
}

func printable(s string) bool {
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

func runHL7Validate(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hl7 validate", "hl7 validate FILE…", `
Check each FILE (or - for standard input) and report every problem, one
per line: file, message number, input line, segment position and ID, field,
repetition, component, and what is wrong. Checked: the batch/file envelope,
delimiters (MSH-1, MSH-2), a byte-order mark, segment IDs, MSH-9, MSH-10 and
a supported MSH-12 version, the MSH-18 character set and the bytes under it
(invalid UTF-8 under UNICODE UTF-8), escape sequences, and OBX-2 value types.

Warnings are printed but do not fail. Exits with status 1 if any file has an
error.`)
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	var files, messages, errs, warns, badFiles int
	for _, name := range fs.Args() {
		f, err := openInput(env, name)
		if err != nil {
			return err
		}
		findings, n, err := hl7.ValidateAll(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		files++
		messages += n
		bad := false
		for _, fd := range findings {
			where := name
			if fd.Message > 0 {
				where += ": message " + strconv.Itoa(fd.Message)
			}
			fmt.Fprintf(env.Stdout, "%s: %v\n", where, fd.Problem)
			if fd.Warning {
				warns++
			} else {
				errs++
				bad = true
			}
		}
		if n == 0 && len(findings) == 0 {
			fmt.Fprintf(env.Stdout, "%s: no message found\n", name)
			bad = true
			errs++
		}
		if bad {
			badFiles++
		}
	}
	fmt.Fprintf(env.Stdout, "%d files, %d messages: %d errors, %d warnings, %d files invalid\n",
		files, messages, errs, warns, badFiles)
	if badFiles > 0 {
		return exitError{1}
	}
	return nil
}

// outgoing is one message to send and where it came from.
type outgoing struct {
	file    string
	n       int
	raw     []byte
	control []byte // MSH-10 as encoded
}

// sendResult is what became of one message.
type sendResult struct {
	msg    outgoing
	code   string // MSA-1, or "" when no valid ACK came back
	detail string
}

func runHL7Send(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hl7 send", "hl7 send --addr HOST:PORT [--tls] [--timeout D] [--concurrency N] FILE…", `
Send every message of each FILE (or - for standard input) over MLLP, each
message of a batch file as its own frame, and check each acknowledgement:
MSA-1 must be AA or CA, and MSA-2 must equal the message's MSH-10.

With --concurrency N the messages go over N connections; all messages for
the same patient (PID-3) use the same connection, so their order is kept.
A message whose ACK does not come within --timeout counts as failed and the
connection is re-opened for the next one.

Prints each message that was not accepted and the totals; exits with
status 1 if any message was not accepted.`)
	addr := fs.String("addr", "", "MLLP listener to send to, HOST:PORT (required)")
	useTLS := fs.Bool("tls", false, "connect with TLS")
	caFile := fs.String("tls-ca", "", "PEM file of CA certificates to trust for --tls (default: the system's)")
	serverName := fs.String("tls-server-name", "", "server name to verify for --tls (default: the host of --addr)")
	timeout := fs.Duration("timeout", 30*time.Second, "how long to wait for each acknowledgement")
	concurrency := fs.Int("concurrency", 1, "number of connections to send over")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if *addr == "" || fs.NArg() == 0 || *concurrency < 1 {
		fs.Usage()
		return errUsage
	}
	var tlsConfig *tls.Config
	if *useTLS || *caFile != "" {
		tlsConfig = &tls.Config{ServerName: *serverName}
		if *caFile != "" {
			pem, err := os.ReadFile(*caFile)
			if err != nil {
				return err
			}
			pool := x509.NewCertPool()
			if !pool.AppendCertsFromPEM(pem) {
				return fmt.Errorf("%s: no PEM certificates found", *caFile)
			}
			tlsConfig.RootCAs = pool
		}
	}

	// Read every message first so that a bad file stops the run before
	// anything is sent.
	queues := make([][]outgoing, *concurrency)
	total := 0
	unreadable := 0
	for _, name := range fs.Args() {
		f, err := openInput(env, name)
		if err != nil {
			return err
		}
		sc := hl7.NewScanner(f)
		for sc.Scan() {
			m, err := sc.Message()
			if err != nil {
				fmt.Fprintf(env.Stderr, "%s: message %d: not sent: %v\n", name, sc.Count(), err)
				unreadable++
				continue
			}
			o := outgoing{file: name, n: sc.Count(), raw: m.Encode(),
				control: bytes.Clone(m.At(hl7.Path{Segment: "MSH", Field: 10}).Bytes())}
			q := 0
			if *concurrency > 1 {
				h := fnv.New32a()
				key := m.PatientKey()
				if key == "" {
					key = strconv.Itoa(total)
				}
				h.Write([]byte(key))
				q = int(h.Sum32() % uint32(*concurrency))
			}
			queues[q] = append(queues[q], o)
			total++
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}

	start := time.Now()
	results := make(chan sendResult, 64)
	var wg sync.WaitGroup
	for _, q := range queues {
		if len(q) == 0 {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sendQueue(ctx, *addr, tlsConfig, *timeout, q, results)
		}()
	}
	go func() { wg.Wait(); close(results) }()

	counts := map[string]int{}
	done := 0
	lastProgress := time.Now()
	for r := range results {
		done++
		switch r.code {
		case "AA", "CA":
			counts["accepted"]++
		case "AE", "CE":
			counts["error"]++
		case "AR", "CR":
			counts["rejected"]++
		default:
			counts["failed"]++
		}
		if r.code != "AA" && r.code != "CA" {
			code := r.code
			if code == "" {
				code = "no valid ACK"
			}
			fmt.Fprintf(env.Stderr, "%s: message %d (MSH-10 %q): %s: %s\n", r.msg.file, r.msg.n, r.msg.control, code, r.detail)
		}
		if time.Since(lastProgress) > 2*time.Second {
			lastProgress = time.Now()
			fmt.Fprintf(env.Stderr, "sent %d of %d messages…\n", done, total)
		}
	}
	elapsed := time.Since(start)
	rate := float64(done) / max(elapsed.Seconds(), 1e-9)
	fmt.Fprintf(env.Stdout, "%d messages sent in %v (%.0f/s): %d accepted, %d with errors (AE/CE), %d rejected (AR/CR), %d failed (no valid ACK), %d not sent (unreadable)\n",
		done, elapsed.Round(time.Millisecond), rate, counts["accepted"], counts["error"], counts["rejected"], counts["failed"], unreadable)
	if counts["accepted"] != total || unreadable > 0 {
		return exitError{1}
	}
	return nil
}

// sendQueue sends q in order over one connection, re-dialling after a
// failure, and reports each message's fate.
func sendQueue(ctx context.Context, addr string, tlsConfig *tls.Config, timeout time.Duration, q []outgoing, results chan<- sendResult) {
	var cl *mllp.Client
	defer func() {
		if cl != nil {
			cl.Close()
		}
	}()
	for _, o := range q {
		if err := ctx.Err(); err != nil {
			results <- sendResult{msg: o, detail: err.Error()}
			continue
		}
		if cl == nil {
			dctx, cancel := context.WithTimeout(ctx, timeout)
			c, err := mllp.Dial(dctx, addr, tlsConfig)
			cancel()
			if err != nil {
				results <- sendResult{msg: o, detail: err.Error()}
				continue
			}
			cl = c
			cl.Timeout = timeout
		}
		ack, err := cl.Send(ctx, o.raw)
		if err != nil {
			cl.Close()
			cl = nil
			results <- sendResult{msg: o, detail: err.Error()}
			continue
		}
		results <- checkAck(o, ack)
	}
}

// checkAck reads MSA-1 and checks that MSA-2 echoes the message's MSH-10.
func checkAck(o outgoing, ack []byte) sendResult {
	m, err := hl7.Parse(ack)
	if err != nil {
		return sendResult{msg: o, detail: "unreadable ACK: " + err.Error()}
	}
	msa, ok := m.Find("MSA", 1)
	if !ok {
		return sendResult{msg: o, detail: "ACK has no MSA segment"}
	}
	if got := msa.Field(2).Bytes(); !bytes.Equal(got, o.control) {
		return sendResult{msg: o, detail: fmt.Sprintf("ACK's MSA-2 %q does not match MSH-10 %q", got, o.control)}
	}
	code := msa.Field(1).String()
	detail := msa.Field(3).String()
	if e, ok := m.Find("ERR", 1); ok {
		if t := e.Field(8).String(); t != "" {
			detail = t
		} else if t := e.Field(1).String(); t != "" && detail == "" {
			detail = t
		}
	}
	switch code {
	case "AA", "CA", "AE", "CE", "AR", "CR":
		return sendResult{msg: o, code: code, detail: detail}
	}
	return sendResult{msg: o, detail: fmt.Sprintf("unknown MSA-1 code %q", code)}
}
