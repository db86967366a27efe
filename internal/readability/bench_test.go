package readability

import "testing"

// benchText is a paragraph as the content checks pass it: the text of a
// page's paragraph, with the usual abbreviations, numbers, quotes and
// curly apostrophes.
const benchText = "Our partners agreed changes to bin collections in Eastfield at the library. " +
	"Our team will publish the school travel plan in Harbourside online and in person. " +
	"You can fill in the short survey so that everyone can take part. " +
	"Community groups discussed the bus timetable in Ashford Green in May. " +
	"We heard that the climate action plan needs clearer information, e.g. maps and times. " +
	"You can bring a friend or carer with you. " +
	"Tell us what you think about feedback on adult social care in Harbourside across the whole district. " +
	"We received 1,250 comments on the transport review in Parkside before the end of the year. " +
	"Ward councillors will update the housing strategy in Eastfield; Dr. Patel’s team will help. " +
	"More than 1200 people answered the survey about digital inclusion in Elmwood because your views matter to us. " +
	"The integrated care board’s well-being plan, which was approved in 2025, sets out 2.7 million pounds of spending. " +
	"“We would come to more meetings if they were in the evening,” one resident said. " +
	"Is the café open on Saturdays? Yes! It opens at 10 in the morning. " +
	"See No. 5 of the plan for the background to this work (the summary is on page 12)."

func BenchmarkSentences(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(benchText)
	}
}

func BenchmarkWords(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Words(benchText)
	}
}
