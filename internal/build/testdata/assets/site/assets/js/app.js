// Marks the document as scripted, so that styles can tell.
document.documentElement.classList.add("js");
