package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// KindRowWords is the kind of the node that holds the words of an
// easy-read row, beside its picture.
var KindRowWords = ast.NewNodeKind("RowWords")

// rowWords holds the words of an easy-read row, so that the layout can
// put them beside the picture as one block.
type rowWords struct{ ast.BaseInline }

// Kind returns KindRowWords.
func (n *rowWords) Kind() ast.NodeKind { return KindRowWords }

// Dump writes the node for debugging.
func (n *rowWords) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// makeRow turns a paragraph that starts with a picture into a row: the
// picture, then the rest of the paragraph inside a rowWords node.
func makeRow(p *ast.Paragraph) {
	img := p.FirstChild()
	words := &rowWords{}
	for c := img.NextSibling(); c != nil; {
		next := c.NextSibling()
		p.RemoveChild(p, c)
		words.AppendChild(words, c)
		c = next
	}
	p.AppendChild(p, words)
	p.SetAttributeString("class", []byte("easy-read-row"))
}

// rowRenderer writes the words of a row in a span.
type rowRenderer struct{}

// RegisterFuncs registers the renderer of rowWords.
func (rowRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindRowWords, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<span class="easy-read-row__words">`)
		} else {
			_, _ = w.WriteString(`</span>`)
		}
		return ast.WalkContinue, nil
	})
}
