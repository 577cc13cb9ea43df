package codeset

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// xnode is one element of a parsed XML file, with the line it starts on.
type xnode struct {
	name string
	attr []xml.Attr
	text string // direct character data, trimmed and joined
	kids []*xnode
	line int
}

func (n *xnode) attrVal(name string) string {
	for _, a := range n.attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n *xnode) child(name string) *xnode {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

func (n *xnode) childText(name string) string {
	if c := n.child(name); c != nil {
		return c.text
	}
	return ""
}

// fullText returns the text of n and its descendants in document order.
func (n *xnode) fullText() string {
	var b strings.Builder
	var walk func(x *xnode)
	walk = func(x *xnode) {
		if x.text != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(x.text)
		}
		for _, k := range x.kids {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// parseXMLTree reads a whole XML document into a tree. Errors name the file,
// the line and the open element path ("ICD10CM.tabular/chapter/section/diag").
func parseXMLTree(name string, r io.Reader) (*xnode, error) {
	d := xml.NewDecoder(r)
	d.Strict = true
	var stack []*xnode
	var root *xnode
	var texts []*strings.Builder
	path := func() string {
		p := make([]string, len(stack))
		for i, s := range stack {
			p[i] = s.name
		}
		return strings.Join(p, "/")
	}
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				return nil, &ParseError{File: name, Line: line, Element: path(), Err: errors.New("file ends inside an element (XML cut short?)")}
			}
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
				msg := se.Msg
				if strings.Contains(msg, "unexpected EOF") {
					msg = "file ends inside an element (XML cut short?)"
				}
				return nil, &ParseError{File: name, Line: line, Element: path(), Err: errors.New(msg)}
			}
			return nil, &ParseError{File: name, Line: line, Element: path(), Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: t.Name.Local, attr: t.Copy().Attr, line: line}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else if root == nil {
				root = n
			} else {
				return nil, &ParseError{File: name, Line: line, Err: errors.New("more than one root element")}
			}
			stack = append(stack, n)
			texts = append(texts, &strings.Builder{})
		case xml.EndElement:
			n := stack[len(stack)-1]
			n.text = strings.Join(strings.Fields(texts[len(texts)-1].String()), " ")
			stack = stack[:len(stack)-1]
			texts = texts[:len(texts)-1]
		case xml.CharData:
			if len(texts) > 0 {
				b := texts[len(texts)-1]
				b.WriteByte(' ')
				b.Write(t)
			}
		}
	}
	if root == nil {
		return nil, &ParseError{File: name, Err: errors.New("no XML root element")}
	}
	return root, nil
}

func xerr(file string, n *xnode, format string, args ...any) error {
	return &ParseError{File: file, Line: n.line, Element: n.name, Err: fmt.Errorf(format, args...)}
}
