package corpus

// The word banks below are plain English engagement vocabulary. Places and
// organisations are made up; nothing here names a real one.

// topics, areas and audiences are the term pools for the three taxonomies.
var topics = []string{
	"adult social care", "air quality", "bus routes", "carers", "childcare",
	"climate", "community safety", "cycling", "digital inclusion", "disability",
	"education", "employment", "food poverty", "green spaces", "health",
	"housing", "libraries", "loneliness", "mental health", "parks",
	"planning", "public health", "recycling", "roads", "schools",
	"sport and leisure", "transport", "volunteering", "waste", "youth services",
}

var areas = []string{
	"Ashford Green", "Barrow Hill", "Brookside", "Castlegate", "Eastfield",
	"Elmwood", "Fairview", "Harbourside", "Highcliffe", "Kingsmead",
	"Lowmoor", "Millbrook", "Northfield", "Oakley", "Parkside",
	"Riverside", "Southgate", "Stonebridge", "Westbury", "Woodlands",
}

var audiences = []string{
	"carers", "children and young people", "disabled people", "families",
	"older people", "professionals", "residents", "volunteers",
}

var months = []string{
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// Sentence parts. Verbs are past or modal so that they agree with any subject.
var subjects = []string{
	"We", "The council", "Local people", "Our team", "Residents",
	"The community panel", "Volunteers", "The health board", "Young carers",
	"Many families", "The steering group", "People who use our services",
	"Our partners", "The youth forum", "Ward councillors", "The engagement team",
	"Community groups", "Parents and carers",
}

var verbs = []string{
	"will listen to", "asked about", "reviewed", "will publish", "shared",
	"helped to shape", "talked about", "agreed", "will share", "changed",
	"looked again at", "asked for", "raised concerns about", "welcomed",
	"voted on", "tested", "gave feedback on", "can comment on",
	"will report on", "would like to improve", "discussed", "will consider",
	"listened to", "explained", "will update",
}

var objects = []string{
	"the draft plan", "the new opening hours", "the results of the survey",
	"the budget for next year", "plans for the library", "ideas for the park",
	"the bus timetable", "the waiting list", "the housing strategy",
	"the play area", "the local transport plan", "changes to bin collections",
	"the new health centre", "support for carers", "the youth club",
	"services for older people", "the community garden", "the climate action plan",
	"cost of living support", "the school travel plan", "the parking review",
	"the leisure centre", "the grants programme", "the walking routes",
	"the market square", "road safety near schools", "the food bank",
	"the annual report", "the consultation questions",
	"plans for {topic}", "the {topic} review", "feedback on {topic}",
	"the {topic} strategy", "services for {audience}",
}

var modifiers = []string{
	"this spring", "this summer", "this autumn", "over the next few months",
	"before the end of the year", "at the community centre", "at the library",
	"with support from local groups", "in plain English", "online and in person",
	"at our last meeting", "during the drop-in sessions", "with the help of volunteers",
	"across the whole district", "for the first time", "in {month}",
	"by phone or by email", "at the {area} hub", "with {audience}",
}

var clauses = []string{
	"so that everyone can take part", "because your views matter to us",
	"so we can make better decisions", "and we will report back on what we heard",
	"to make local services fairer", "before any final decision is made",
	"so that nobody is left out", "to make sure the plan works for you",
	"because people told us it was hard to find",
	"and the results will be published online", "so that the service is easier to use",
	"after listening to local people", "while the consultation is open",
}

var actions = []string{
	"share your views", "fill in the short survey", "come along to a drop-in session",
	"ask for a paper copy", "ask for this page in large print",
	"tell us what matters to you", "send us your ideas", "join the community panel",
	"book a place", "talk to a member of our team", "get help to take part",
	"ask for an interpreter", "bring a friend or carer with you",
}

var findings = []string{
	"needs to change", "should be easier to use", "matters a lot to local people",
	"is hard to reach without a car", "works well for most people",
	"could open for longer", "needs clearer information", "should stay as it is",
}

var statistics = []string{
	"More than {number} people answered the survey about {topic}",
	"About {number} people came to the drop-in sessions in {area}",
	"We received {number} comments on the {topic} review",
	"Around {percent} per cent of people said {topic} was a priority",
	"Nearly {number} {audience} told us about their experience",
}

var linkSentences = []string{
	"You can read more in %s.",
	"This follows our earlier update, %s.",
	"See %s for the background to this work.",
	"There is more detail about this in %s.",
	"We also wrote about this in %s, which explains the next steps.",
	"People who came to %s raised the same points.",
}

var listLeads = []string{
	"There are several ways to take part:",
	"People told us these things matter most:",
	"You can:",
	"We will use your views to decide:",
	"The main changes are:",
	"This work will look at:",
}

var steps = []string{
	"Read the summary of the proposals",
	"Fill in the short survey online or on paper",
	"Come to a drop-in session near you",
	"We read every response we receive",
	"The steering group looks at what people said",
	"We publish a report of what we heard",
	"The board makes a final decision in public",
	"We write to everyone who took part",
	"We check how the changes are working after six months",
}

var quotes = []string{
	"I did not know this service existed until my neighbour told me about it.",
	"The bus is the only way I can get to my appointments, so the timetable matters.",
	"It felt like somebody was finally listening to what we had to say.",
	"My son needs a safe place to go after school.",
	"Please keep the forms short and write them in plain English.",
	"We would come to more meetings if they were in the evening.",
}

var h2s = []string{
	"Why we are asking", "What we heard", "What happens next", "How to take part",
	"Background", "Who can take part", "What we are proposing",
	"How we will use your views", "Key dates", "What has changed", "Getting there",
	"Accessibility", "Our commitments", "What you told us", "The options",
	"Costs and funding", "Who we spoke to", "How decisions are made",
	"Working with partners", "Results of the survey", "What this means for you",
	"Questions people asked", "Who is involved", "Timeline",
}

var h3s = []string{
	"Online", "In person", "By phone", "Paper copies", "Other formats", "Timetable",
	"For carers", "For young people", "Travel and parking", "Support to take part",
	"Option 1: keep things as they are", "Option 2: change the opening hours",
	"What we did", "What we learned", "What we will do", "Who to contact",
	"In {area}", "About {topic}",
}

var services = []string{
	"Libraries", "Parks and green spaces", "Youth services", "Adult social care",
	"Road maintenance", "Recycling and waste", "Community grants", "Leisure centres",
}

var places = []string{"library", "community centre", "leisure centre", "youth club", "church hall", "family hub"}

var times = []string{"10am to 12pm", "1pm to 3pm", "2pm to 4pm", "6pm to 8pm", "7pm to 9pm"}

var questions = []string{
	"The plan is easy to understand", "The changes will help people like me",
	"I know how to give my views", "The opening hours suit me",
	"I feel safe in my local area", "Information is easy to find",
}

var easySentences = []string{
	"This is about {topic}.", "We want to hear from you.",
	"You can tell us what you think.", "You can fill in a short form.",
	"You can come to a meeting in {area}.", "You can bring someone to help you.",
	"We will read what everyone says.", "We will tell you what we decided.",
	"The meeting is free.", "You can phone us if you need help.",
	"We want to make {topic} better.", "This matters to people in {area}.",
	"Your views are important.", "We will write to you after the meeting.",
}

var easyHeadings = []string{"What this is about", "How to have your say", "What happens next"}

// Titles by section. {…} slots are filled from the pools above.
var titleTemplates = map[string][]string{
	"news": {
		"New {topic} hub opens in {area}", "Council agrees plan for {area} park",
		"Record number of people join the {topic} survey", "{area} residents shape new {topic} services",
		"Funding confirmed for {topic} in {area}", "Volunteers honoured for work on {topic}",
		"What the budget means for {topic}", "Changes to {topic} services from {month}",
	},
	"updates": {
		"What we heard about {topic}", "Update on the {topic} review",
		"Progress report: {topic} in {area}", "You said, we did: {topic}",
		"Next steps for {topic} in {area}", "Interim findings on {topic}",
	},
	"events": {
		"{topic} drop-in session in {area}", "Carers cafe in {area}",
		"Community walk around {area}", "Listening event on {topic}",
		"Youth forum meeting in {area}", "Open day at the {area} hub",
		"Online workshop on {topic}",
	},
	"campaigns": {
		"Have your say on {topic}", "Help us shape {topic} services",
		"Safer streets for {audience}", "Better {topic} for {area}",
		"Speak up for {topic}", "A fairer deal for {audience}",
	},
	"principles": {
		"We listen before we decide", "Plain English first", "Nobody is left out",
		"We report back on what we heard", "We go to where people are",
		"We are open about what can change", "We pay people for their time",
		"We make it easy to take part", "We work with community groups",
		"We learn from every consultation",
	},
	"constitution": {
		"Part {ordinal}: Who we are", "Part {ordinal}: How the board makes decisions",
		"Part {ordinal}: Members and voting", "Part {ordinal}: Meetings in public",
		"Part {ordinal}: Declaring interests", "Part {ordinal}: Changing this constitution",
		"Part {ordinal}: Complaints", "Part {ordinal}: Money and accounts",
	},
	"pages": {
		"About us", "Contact us", "Accessibility statement", "How we use your data",
		"Other formats", "Working with us", "Our team", "Get involved",
		"Volunteer with us", "Frequently asked questions",
	},
}

// photos are the photo images with the alt text that describes them.
var photos = []string{
	"A nurse talking with a patient",
	"Volunteers planting trees in a park",
	"People sitting around a table at a community meeting",
	"A bus stopping outside a library",
	"Young people painting a mural",
	"An older man using a tablet with help from a volunteer",
	"Families at a summer fun day",
	"A cyclist on a new cycle lane",
	"Recycling bins outside a row of houses",
	"A carer and a young woman talking in a cafe",
	"Children reading in a library",
	"A councillor listening to residents at a drop-in session",
}

// easyImages is how many easy-read pictures Generate writes.
const easyImages = 16

// People, for contacts and news authors.
var (
	firstNames = []string{
		"Amira", "Ben", "Chloe", "Dev", "Ellen", "Femi", "Grace", "Hamza",
		"Isla", "Jonah", "Kiran", "Leah", "Marek", "Nadia", "Owen", "Priya",
	}
	lastNames = []string{
		"Adeyemi", "Brennan", "Chowdhury", "Davies", "Evans", "Fraser", "Gill",
		"Hughes", "Iqbal", "Jones", "Kowalski", "Lloyd", "Mensah", "Novak", "Patel",
	}
	roles = []string{
		"Engagement Officer", "Community Connector", "Head of Communications",
		"Consultation Lead", "Policy Officer", "Board member for public involvement",
		"Youth Participation Worker", "Chief Executive",
	}
)

// streets and postcodeAreas make up venue addresses.
var (
	streets       = []string{"High Street", "Church Street", "Station Road", "Mill Lane", "Park Road", "Market Square"}
	postcodeAreas = []string{"NF", "EF", "SG", "WB", "KM", "RS"}
)

// accessFeatures describe how easy a venue or call is to take part in.
var (
	venueAccess  = []string{"step-free access", "hearing loop", "accessible toilet", "parking", "quiet room", "changing places toilet", "BSL interpreter"}
	onlineAccess = []string{"live captions", "BSL interpreter", "recording available", "dial-in by phone"}
)

// Sentences for campaigns and "you said, we did" updates.
var (
	whys = []string{
		"We want to change how {topic} works in {area} and need to know what matters to you.",
		"The way we run {topic} has not changed for ten years and people told us it no longer works.",
		"We have less money for {topic} next year and want your help to decide what comes first.",
		"We must ask people before we make big changes to {topic}, and we want to hear from {audience}.",
	}
	nextSteps = []string{
		"We will read every response and publish what we heard within 12 weeks of the closing date.",
		"The board will look at the results in {month} and we will tell you what it decides.",
		"We will write a report on what people said and share it on this site.",
		"Your views will shape a plan for {topic} that goes to the council in {month}.",
	}
	weAsked = []string{
		"We asked what you thought of our plans for {topic} in {area}.",
		"We asked {audience} how we could make {topic} better.",
		"We asked which changes to {topic} mattered most to you.",
	}
	youSaid = []string{
		"Opening hours did not suit people who work during the day.",
		"It was hard to find out about {topic} unless you already knew where to look.",
		"The forms were too long and used words that were hard to understand.",
		"{audience} in {area} wanted more say in decisions about {topic}.",
		"Meetings in the daytime left out people with jobs or caring duties.",
		"The bus to the {topic} centre did not run often enough.",
	}
	weDid = []string{
		"We now open until 7pm on two evenings a week.",
		"We rewrote our leaflets about {topic} in plain English with help from {audience}.",
		"We set up a panel of {audience} that meets every {month} to look at our plans.",
		"We moved half of our meetings to the evening and offer them online as well.",
		"We asked the bus company to run an extra service, and it starts in {month}.",
		"We cut the form from 12 pages to 4 and added an easy read version.",
	}
	notPossible = []string{
		"The building is owned by another organisation and it would not agree to the change.",
		"The law says we must keep this service as it is.",
		"There is no money for this in this year's budget; we will look at it again next year.",
	}
)

// Constitution headings, used instead of h2s and h3s on constitution pages.
var (
	clauseH2s = []string{
		"About this constitution", "Our name and area", "What the board does", "General duties",
		"Members of the board", "How the board makes decisions", "Meetings in public",
		"Committees", "Declaring interests", "Public involvement", "Money and accounts",
		"Working with partners", "Complaints", "Changing this constitution", "Standing orders",
		"Definitions",
	}
	clauseH3s = []string{
		"Quorum", "Voting", "Notice of meetings", "Minutes", "Appointments", "Terms of office",
		"Public involvement", "Reporting", "Equality", "Delegation", "Register of interests",
		"Emergency decisions",
	}
	revisionChanges = []string{
		"Updated the list of board members.", "Added the Public Involvement Committee.",
		"Changed how often the board meets in public.", "Added yearly reporting on involvement.",
		"Updated the rules on declaring interests.", "Corrected the names of partner organisations.",
	}
	approvers = []string{"The board", "Full council", "The members at the annual meeting", "NHS England"}
)
