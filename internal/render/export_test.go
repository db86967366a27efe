package render

// HeadMeta is headMeta, for the tests of package render_test.
var HeadMeta = (*Renderer).headMeta
