package http

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"image"
	_ "image/jpeg" // decoders for the readability check
	_ "image/png"
	"io"
	"math/big"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/roi"
	"github.com/chartroom/chartroom/roi/packet"
)

// ReleaseLinks keeps the expiring download links of released packets.
type ReleaseLinks interface {
	CreateReleaseLink(ctx context.Context, l *roi.Link, token string, by int64) error
	TakeReleaseLink(ctx context.Context, token string) (*roi.Link, error)
	RevokeReleaseLinks(ctx context.Context, requestID int64) error
}

// selection lists the patient's documents and decides, one by one, what
// the request releases.
func (s *Server) selection(ctx context.Context, req *roi.Request) ([]roi.Selection, map[int64]*chartroom.Document, error) {
	var items []roi.Item
	docs := map[int64]*chartroom.Document{}
	f := chartroom.DocumentFilter{PatientID: req.PatientID, Limit: 200}
	for {
		page, err := s.Documents.FindDocuments(ctx, f)
		if err != nil {
			return nil, nil, err
		}
		for _, d := range page.Items {
			docs[d.ID] = d
			items = append(items, roi.Item{DocumentID: d.ID, EncounterID: d.EncounterID, Type: string(d.Type), Title: d.Title, Source: d.Source,
				Status: string(d.Status), ServiceAt: d.ServiceAt, Sensitivity: d.Sensitivity})
		}
		if page.NextCursor == "" {
			break
		}
		f.Cursor = page.NextCursor
	}
	return roi.Select(req, items), docs, nil
}

// redactionSpans finds every occurrence of the request's redactions of one
// document in its text, in order and without overlaps.
func redactionSpans(req *roi.Request, docID int64, text string) []packet.Redaction {
	var out []packet.Redaction
	for _, rd := range req.Redactions {
		if rd.DocumentID != docID || rd.Text == "" {
			continue
		}
		for from := 0; ; {
			i := strings.Index(text[from:], rd.Text)
			if i < 0 {
				break
			}
			out = append(out, packet.Redaction{Start: from + i, End: from + i + len(rd.Text), Reason: rd.Reason})
			from += i + len(rd.Text)
		}
	}
	slices.SortFunc(out, func(a, b packet.Redaction) int { return a.Start - b.Start })
	kept := out[:0]
	for _, r := range out {
		if len(kept) > 0 && r.Start < kept[len(kept)-1].End {
			if r.End > kept[len(kept)-1].End {
				kept[len(kept)-1].End = r.End
			}
			continue
		}
		kept = append(kept, r)
	}
	return kept
}

// readable reports why a binary cannot go into a packet, or "".
func readable(contentType string, data []byte) string {
	switch contentType {
	case packet.TypePDF:
		if !bytes.HasPrefix(bytes.TrimLeft(data, "\x00\t\r\n "), []byte("%PDF-")) {
			return "not a PDF file"
		}
	case packet.TypePNG, packet.TypeJPEG:
		if _, _, err := image.DecodeConfig(bytes.NewReader(data)); err != nil {
			return "the image cannot be decoded: " + err.Error()
		}
	}
	return ""
}

// buildPacket assembles a request's packet: the documents Select includes,
// their current versions read through the (audited) document service, the
// reviewer's redactions removed, the Part 2 notice before the items that
// need it. Documents that cannot be read are listed on the cover, never
// skipped silently. It returns the selection too, so the page can say what
// was left out and why.
func (s *Server) buildPacket(ctx context.Context, req *roi.Request, password, releasedBy string, w io.Writer) (*packet.Manifest, []roi.Selection, error) {
	p, err := s.Lookup.Patient(ctx, req.PatientID)
	if err != nil {
		return nil, nil, err
	}
	sel, docs, err := s.selection(ctx, req)
	if err != nil {
		return nil, nil, err
	}
	spec := packet.Spec{RequestID: "ROI-" + itoa(req.ID), Facility: s.FacilityName, Requester: req.RequesterName, RequesterAddress: req.RequesterAddress,
		PatientName: p.Name.Given + " " + p.Name.Family, MRN: p.MRN(""), BirthDate: p.BirthDate.String(), Purpose: req.Purpose,
		Released: s.Now(), ReleasedBy: releasedBy, BatesPrefix: "ROI" + itoa(req.ID) + "-", Password: password,
		Watermark: fmt.Sprintf("Released to %s on %s - request #%d", req.RequesterName, s.Now().Format("2006-01-02"), req.ID)}
	var pitems []packet.Item
	var unreadable []string
	part2 := -1
	for i, x := range sel {
		if !x.Included() {
			continue
		}
		d := docs[x.DocumentID]
		it := packet.Item{Title: d.Title, DocType: string(d.Type), Date: d.ServiceAt.Format("2006-01-02")}
		if d.Title == "" {
			it.Title = string(d.Type)
		}
		v, err := s.Documents.DocumentVersion(ctx, d.ID, 0)
		if err != nil {
			return nil, nil, err
		}
		problem := ""
		switch {
		case v.Text != "" && v.BlobSHA256 == "":
			it.ContentType, it.Text = packet.TypeText, v.Text
			it.Redactions = redactionSpans(req, d.ID, v.Text)
		case v.ContentType == packet.TypePDF || v.ContentType == packet.TypePNG || v.ContentType == packet.TypeJPEG:
			rc, _, err := s.Documents.OpenDocumentBinary(ctx, d.ID, 0)
			if err == nil {
				it.Data, err = io.ReadAll(io.LimitReader(rc, 64<<20))
				rc.Close()
			}
			if err != nil {
				problem = "unreadable: " + chartroom.ErrorMessage(err)
			} else if why := readable(v.ContentType, it.Data); why != "" {
				problem = "unreadable: " + why
			}
			it.ContentType = v.ContentType
		default:
			problem = "a " + v.ContentType + " document cannot be placed in a PDF packet; release it on paper"
		}
		if problem != "" {
			sel[i].Reason = problem
			unreadable = append(unreadable, fmt.Sprintf("%s of %s (%s)", it.Title, it.Date, problem))
			continue
		}
		if x.Part2 {
			if part2 < 0 {
				part2 = len(spec.Notices)
				spec.Notices = append(spec.Notices, roi.Part2Notice)
			}
			it.NoticeIndexes = []int{part2}
		}
		pitems = append(pitems, it)
	}
	if len(unreadable) > 0 {
		spec.Notices = append(spec.Notices, "Not enclosed because they could not be read; Health Information Management will send them separately: "+strings.Join(unreadable, "; ")+".")
	}
	if len(pitems) == 0 {
		return nil, sel, chartroom.Errorf(chartroom.KindConflict, "", "nothing in the record falls within this request, or everything in it is excluded or unreadable")
	}
	m, err := packet.Build(w, spec, pitems)
	if err != nil {
		return nil, sel, chartroom.Errorf(chartroom.KindConflict, "", "the packet could not be built: %v", err)
	}
	return m, sel, nil
}

// handleRedaction records text a reviewer marked for removal from one
// document of the release. The text must occur in the document.
func (s *Server) handleRedaction(w http.ResponseWriter, r *http.Request) error {
	req, err := s.release(r)
	if err != nil {
		return err
	}
	var in roi.Redaction
	if strings.HasPrefix(r.URL.Path, "/api/") {
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
	} else {
		in.DocumentID, _ = strconv.ParseInt(r.PostFormValue("document_id"), 10, 64)
		in.Text, in.Reason = r.PostFormValue("text"), strings.TrimSpace(r.PostFormValue("reason"))
	}
	if len(strings.TrimSpace(in.Text)) < 2 {
		return chartroom.Invalid("text", "mark the exact text to remove")
	}
	if in.Reason == "" {
		return chartroom.Invalid("reason", "say why it is removed (for example: another patient's information, not requested)")
	}
	doc, err := s.Documents.Document(r.Context(), in.DocumentID)
	if err != nil || doc.PatientID != req.PatientID {
		return chartroom.Invalid("document_id", "not a document of this patient")
	}
	v, err := s.Documents.DocumentVersion(r.Context(), doc.ID, 0)
	if err != nil {
		return err
	}
	if !strings.Contains(v.Text, in.Text) {
		return chartroom.Invalid("text", "that text does not occur in the document's current version (it must match exactly)")
	}
	in.By = userFrom(r.Context()).ID
	if _, err := s.Releases.EditRequest(r.Context(), req.ID, func(x *roi.Request) error {
		x.Redactions = append(x.Redactions, in)
		return nil
	}); err != nil {
		return err
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		return writeJSON(w, http.StatusCreated, in)
	}
	http.Redirect(w, r, "/releases/"+itoa(req.ID)+"?done="+urlEscape("Redaction recorded"), http.StatusSeeOther)
	return nil
}

// handleReleasePacket shows the packet for the quality check, or for a
// released request, as a PDF.
func (s *Server) handleReleasePacket(w http.ResponseWriter, r *http.Request) error {
	req, err := s.release(r)
	if err != nil {
		return err
	}
	if req.Status != roi.QualityCheck && req.Status != roi.Released {
		return chartroom.Errorf(chartroom.KindConflict, "status", "the packet is assembled for the quality check; this request is %s", req.Status)
	}
	var buf bytes.Buffer
	m, _, err := s.buildPacket(r.Context(), req, "", userFrom(r.Context()).Name, &buf)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="ROI-%d.pdf"`, req.ID))
	w.Header().Set("X-Packet-Pages", strconv.Itoa(m.Pages))
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(buf.Bytes())
	return err
}

// handleReleaseLink makes an expiring download link for a released request
// and shows it with the packet's password, once.
func (s *Server) handleReleaseLink(w http.ResponseWriter, r *http.Request) error {
	req, err := s.release(r)
	if err != nil {
		return err
	}
	if s.Links == nil {
		return errNoReleases
	}
	if req.Status != roi.Released {
		return chartroom.Errorf(chartroom.KindConflict, "status", "a download link is made once the request is released")
	}
	days, _ := strconv.Atoi(r.PostFormValue("days"))
	if days <= 0 {
		days = 7
	}
	max, _ := strconv.Atoi(r.PostFormValue("downloads"))
	if max <= 0 {
		max = 3
	}
	token, password := randomToken(32), randomWords()
	l := &roi.Link{RequestID: req.ID, ExpiresAt: s.Now().AddDate(0, 0, days), MaxDownloads: max, Password: password}
	if err := s.Links.CreateReleaseLink(r.Context(), l, token, userFrom(r.Context()).ID); err != nil {
		return err
	}
	url := "/release-download/" + token
	if r.Header.Get("Accept") == "application/json" || strings.HasPrefix(r.URL.Path, "/api/") {
		return writeJSON(w, http.StatusCreated, map[string]any{"url": url, "password": password, "expires_at": l.ExpiresAt, "max_downloads": max})
	}
	s.render(w, r, http.StatusCreated, "link.html", map[string]any{"Title": "Download link for request " + itoa(req.ID), "Nav": "releases",
		"R": req, "URL": url, "Password": password, "Link": l})
	return nil
}

// handleReleaseDownload serves a released packet to whoever holds an
// unexpired link, encrypted with the password sent separately. Each
// download is recorded on the audit trail against the patient.
func (s *Server) handleReleaseDownload(w http.ResponseWriter, r *http.Request) error {
	if s.Links == nil || s.Releases == nil {
		return errNoReleases
	}
	token := r.PathValue("token")
	if len(token) < 20 || len(token) > 100 {
		return chartroom.NotFound("download link")
	}
	l, err := s.Links.TakeReleaseLink(r.Context(), token)
	if err != nil {
		return err
	}
	req, err := s.Releases.Request(r.Context(), l.RequestID)
	if err != nil {
		return err
	}
	if req.Status != roi.Released {
		return &chartroom.Error{Kind: chartroom.KindGone, Field: "token", Message: "this release was withdrawn; ask the sender"}
	}
	// The download acts for the releasing staff member: the packet is what
	// they released.
	actx := audit.WithActor(r.Context(), audit.Actor{Username: "download-link:" + itoa(l.ID), IP: clientIP(r), UserAgent: r.UserAgent(), Purpose: "HDIRECT"})
	var buf bytes.Buffer
	if _, _, err := s.buildPacket(actx, req, l.Password, "Health Information Management", &buf); err != nil {
		return err
	}
	if s.Audit != nil {
		s.Audit.Record(actx, audit.Entry{At: s.Now(), Username: "download-link:" + itoa(l.ID), Action: audit.Disclose, ObjectType: "release-packet",
			ObjectID: itoa(req.ID), PatientID: req.PatientID, IP: clientIP(r), UserAgent: r.UserAgent(), Outcome: audit.Success,
			Detail: fmt.Sprintf("packet downloaded (%d of %d) by link", l.Downloads, l.MaxDownloads)})
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="records-%d.pdf"`, req.ID))
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write(buf.Bytes())
	return err
}

func randomToken(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// randomWords makes the password of a download link, which staff read to
// the requester over the phone: six words from passwordWords and two
// digits from 2 to 9, joined by hyphens, such as
// "lamp-oven-twig-hazy-swan-rule-47". Every word has 3 or 4 letters, so
// every password has 26 to 32 bytes and fits packet.MaxPasswordLen: none
// is drawn again for being too long, which would make some passwords
// likelier than others and lower the entropy below passwordBits.
func randomWords() string {
	parts := make([]string, 0, passwordWordCount+1)
	for range passwordWordCount {
		parts = append(parts, passwordWords[randomIndex(len(passwordWords))])
	}
	parts = append(parts, string([]byte{passwordDigits[randomIndex(len(passwordDigits))], passwordDigits[randomIndex(len(passwordDigits))]}))
	return strings.Join(parts, "-")
}

// randomIndex returns a uniformly random index below n from crypto/rand.
// rand.Int has no modulo bias: it draws as many random bits as n-1 has
// and draws again until they make a number below n.
func randomIndex(n int) int {
	i, err := rand.Int(rand.Reader, big.NewInt(int64(n)))
	if err != nil {
		panic(fmt.Sprintf("crypto/rand: %v", err)) // rand.Reader does not fail since Go 1.24
	}
	return int(i.Int64())
}

// Download-link passwords are passwordWordCount words from passwordWords
// and two characters from passwordDigits.
//
// passwordBits is their entropy: 6 × log2(791) + 2 × log2(8) = 57.8 + 6 =
// 63.8 bits, with the 791 words of passwordWords (a test recomputes it
// from the list). Whoever holds a packet can try guesses at its password
// offline, as fast as their hardware hashes, so this is what keeps a
// leaked packet closed.
const (
	passwordWordCount = 6
	passwordDigits    = "23456789" // no 0 or 1, which read like O and l
	passwordBits      = 63.8
)

// passwordWords are the words of download-link passwords: common English
// words of 3 or 4 lowercase letters, chosen to be heard right over the
// phone. Checked against the CMU Pronouncing Dictionary, none sounds like
// another English word (sun and son; pin and pen or cot and caught, which
// many speakers say alike) and none is said two ways (lead, wind); none
// has a silent letter (knob) or a British spelling (mould), none is a
// number, and none is unkind or clinical, since the requester hears it
// with their medical records.
var passwordWords = strings.Fields(`
able acre act aim ajar aloe also alto amp apex arch area arm army art atom atop aura auto away axis
axle baby back bag bake bang bank barb bark barn bat bath bay bead beak beam beef beep belt bend
bent best bet bib bid big bike bill bind bird bit blip blob blow blur boa boat bog boil bolt bond
bone book boom boot boss both brag bran brew brow buck bud buff bug bulb bulk bull bump bunk burn
bush busy buzz cab cage cake camp cane cap cape car card care cart case cask cat cave chap char chat
chef chew chin chip chop city clam clan clap claw clay clip clog club clue coal cog coil coin cola
cold colt cone cook cool cope copy cork corn cost cove cow crab crag cram crew crib crop crow cub
cube cuff cup curd curl cute damp dark darn dart dash date day deal dean deck deed deep defy deli
demo desk dice dig dill dim dime dine dip dish dive dog doll dome door dot drag draw drew drip drop
drum dry duck duke dune dunk duo dusk dust earl ease east easy eat echo edge edit eel egg elf elk
elm emu end epic even exam expo face fact fade fall fame fan fang far farm fast fate fawn feed feel
felt fern fest few fig file fill film firm fit fix fizz flag flap flat flax fled flip flop fly foal
foam fog foil fold fond font food fool foot ford fork form fox free frog full fun fund fuse fuzz
gain gale game gap garb gas gasp gear gift gig give glad glee glen glow glue goal goat gold golf
gong gown grab grid grin grip grit grow grub gulf gull gum guru gush gust halo halt ham hand hang
hard harp hash hat hazy head heap heat heed helm help hen hide hike hill hint hip hive home honk
hood hoof hook hoop hop hope horn host hot howl hub hug hula hum hunt hush hut ice icy idea inch
iron item ivy jack jade jar jaw jazz jeep jest jet jog join joke jolt joy judo jug jump jury kale
keen keep keg kelp kid kilt kind king kit kite kiwi lab lace lack lad lake lamp land lap lark late
lava lawn lazy leap left leg lend lens lid life lift like lily lime line link lion lip list loaf
lock loft log logo long look loom loop lord loud love luck lure lush make malt map mark mash mask
mate math meal meek melt memo mend menu mesh mice mid mild mile milk mink monk moon mop moth move
much mud mug mule must myth nail name nap navy near neat neck neon nest net nick noon norm note noun
nova nut oak oat oath obey oboe oil oily okay old once only onto opal open opt oval oven over owl
own pace pack pad page pan pant park part pass pat path pave pawn pay perk pet pick pig pike pile
pine ping pink pint pipe pit plan play plea plot plug plus poem poet poke polo pony pool pop pork
port pose post prom prop pub puck puff pug pulp puma pump pun pup pure push put quiz race raft rag
rail rake ram ramp rang rank rare rate rave reap rear reef rent rib rice rich ride rig rim rink rip
ripe roam roar robe rock rod room rope rosy rub ruby rug rule run rush rust safe saga sage salt same
sand sang save saw say scan seal seat seek self set shed shin ship shop show shut sift silk silo
sing sip sit skim skin skip sky slab sled slid slim slip slot snag snap snip snow snug soak soap
sock soda sofa soft soil solo song soon soot sort soup soy spa span spin spot spun spur stag star
stay stem stew stir stop suit swam swan swap sway swim tab taco tag take tall tame tan tank tap tape
tar tart task taxi teal temp tend term test text thaw thin thud tidy tile till tilt tiny tip tofu
toga toil tone tool top torn toss town toy tram trap tray tree trek trim trio trip trot true tub
tuba tuck tug tune turf tusk twig twin type upon urge user van vast veal vent verb vest veto vibe
view vine visa volt vote vow wage wake wall wand want warm warp wary wash wasp wavy web wed weep
weld well went west wick wide wig wild wilt wing wink wipe wish wolf wool word work yam yard yarn
year yell yes yet yeti yoga zany zap zest zinc zip zone zoo zoom
`)

// handleAuthorizationScan files the requester's signed authorization (or
// subpoena, order, attestation) as a consent document of the patient's
// record and links it to the request. It never goes into the packet as a
// requested record: it is the request's paperwork.
func (s *Server) handleAuthorizationScan(w http.ResponseWriter, r *http.Request) error {
	req, err := s.release(r)
	if err != nil {
		return err
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	f, _, err := r.FormFile("file")
	if err != nil {
		return chartroom.Invalid("file", "choose the scanned authorization (PDF, TIFF, PNG or JPEG, at most 64 MB)")
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := f.Read(head)
	ct := chartroom.SniffContentType(head[:n])
	if ct == "" {
		return chartroom.Invalid("file", "the file is not a PDF, TIFF, PNG or JPEG")
	}
	d := &chartroom.Document{PatientID: req.PatientID, Type: "consent", Title: "Authorization for release, request #" + itoa(req.ID),
		ServiceAt: s.Now(), Source: "roi-authorization", Status: chartroom.DocFinal}
	if err := s.Documents.CreateDocument(r.Context(), d, chartroom.DocumentContent{ContentType: ct, Body: ioMulti(head[:n], f), CreatedBy: userFrom(r.Context()).ID}); err != nil {
		return err
	}
	if _, err := s.Releases.EditRequest(r.Context(), req.ID, func(x *roi.Request) error {
		x.AuthorizationDocumentID = d.ID
		return nil
	}); err != nil {
		return err
	}
	http.Redirect(w, r, "/releases/"+itoa(req.ID)+"?done="+urlEscape("Authorization attached"), http.StatusSeeOther)
	return nil
}
