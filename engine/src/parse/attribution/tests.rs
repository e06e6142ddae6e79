//! Attribution on news prose: one pattern of issue #13 a test, each with
//! sentences written for these tests.

use crate::model::Paragraphs;
use crate::parse::quotes::find_quotes;
use crate::parse::quotes::tests::{quotes, some, speakers};

fn cues(paragraphs: &[&str]) -> Vec<Option<String>> {
    quotes(paragraphs).into_iter().map(|q| q.cue).collect()
}

// Pronouns

#[test]
fn a_pronoun_agrees_in_gender_with_a_title() {
    let s = speakers(&[
        "Ms. Wanjiru Kamau met Mr. Peter Otieno at the depot on Monday.",
        "\"We cannot keep the buses idle for another week,\" she said.",
    ]);
    assert_eq!(s, [some("Wanjiru Kamau")]);
}

#[test]
fn a_pronoun_agrees_with_a_given_name_and_skips_the_nearer_man() {
    let s = speakers(&[
        "Grace Mutua, who runs the cooperative, sat beside the county engineer, David Ouma.",
        "\"The pipes arrived broken,\" she said.",
    ]);
    assert_eq!(s, [some("Grace Mutua")]);
}

#[test]
fn earlier_pronouns_tell_a_persons_gender() {
    let s = speakers(&[
        "Achola Were spent a decade in the archive. Her book on the railway comes out in May.",
        "Kibet Rono, a historian, reviewed it.",
        "\"Nobody had read those letters,\" she said.",
    ]);
    assert_eq!(s, [some("Achola Were")]);
}

#[test]
fn a_pronoun_prefers_the_subject_over_an_object_or_a_comparison() {
    let s = speakers(&[
        "Njeri Wambui called Halima Osei's performance brave, and sang longer than Amina Said.",
        "\"I was terrified the whole night,\" she said.",
    ]);
    assert_eq!(s, [some("Njeri Wambui")]);
}

#[test]
fn a_pronoun_continues_the_current_speaker() {
    let s = speakers(&[
        "\"The harvest is late,\" said Joseph Kimani, a farmer in Nyeri.",
        "The rains came three weeks after the planting season, and the county has promised seed.",
        "\"We planted twice,\" he added.",
    ]);
    assert_eq!(s, [some("Joseph Kimani"), some("Joseph Kimani")]);
}

// People the text names

#[test]
fn a_name_followed_by_an_aside_is_a_person() {
    let s = speakers(&["Tom Kiptoo, in his evidence, spoke about the tender. \"It was rigged,\" he said."]);
    assert_eq!(s, [some("Tom Kiptoo")]);
}

#[test]
fn a_lone_surname_opening_a_sentence_finds_the_full_name() {
    let s = speakers(&[
        "The inquiry heard from retired engineer Samuel Karanja.",
        "Karanja described the bridge as unsafe. \"I warned them in writing,\" he said.",
    ]);
    assert_eq!(s, [some("Samuel Karanja")]);
}

#[test]
fn words_around_a_quote_never_fuse_into_a_name() {
    let s =
        speakers(&["Officials said the road \"Will Open Soon Enough\" Monday, said Mayor Joyce Adhiambo."]);
    assert!(s.iter().all(|s| s.as_deref() != Some("Soon Enough Monday")), "{s:?}");
}

#[test]
fn a_capitalised_product_name_is_not_a_person() {
    let s = speakers(&[
        "Engineers fitted the Block 2 booster at the Kisumu yard. Director Amos Were watched.",
        "\"It fits,\" he said.",
    ]);
    assert_eq!(s, [some("Amos Were")]);
}

// Appositives and descriptors

#[test]
fn an_apposition_does_not_take_the_speakers_place() {
    let s =
        speakers(&["\"Tariffs hurt farmers first,\" Halima Osei, a trade lecturer at Moi University, said."]);
    assert_eq!(s, [some("Halima Osei")]);
}

#[test]
fn a_description_before_the_name_is_dropped() {
    assert_eq!(
        speakers(&["\"Prices will ease,\" Equity Bank analyst Carl Mutua said."]),
        [some("Carl Mutua")]
    );
    assert_eq!(speakers(&["\"Print is not dead,\" says veteran editor Ken Wafula."]), [some("Ken Wafula")]);
    assert_eq!(
        speakers(&["\"We are on schedule,\" responded KeNHA director general Jim Okafor."]),
        [some("Jim Okafor")]
    );
}

#[test]
fn a_bracketed_party_and_a_role_after_the_name() {
    let s = speakers(&[
        "\"This budget starves the counties,\" said Sen. Ann Kirui (ODM), ranking member of the finance committee, during the debate.",
    ]);
    assert_eq!(s, [some("Ann Kirui")]);
}

#[test]
fn abbreviations_do_not_cut_the_attribution_short() {
    let s = speakers(&[
        "Dr. Faith Njoroge of the U.S. Agency for International Development spoke first.",
        "Lt. Col. Daniel Mwangi then replied: \"The convoy leaves at dawn.\"",
    ]);
    assert_eq!(s, [some("Daniel Mwangi")]);
}

#[test]
fn a_long_description_after_the_name_before_the_verb() {
    let s = speakers(&[
        "\"The numbers surprised us,\" Wanjiru Kamau, a senior economist at the Nairobi-based Institute of Public Finance who led the survey, told reporters.",
    ]);
    assert_eq!(s, [some("Wanjiru Kamau")]);
}

#[test]
fn a_title_phrase_and_a_company_suffix_between_name_and_verb() {
    let s = speakers(&[
        "Steve Ouma, Senior Vice President of Sales for Acme Kenya, Inc., says: \"Orders doubled this quarter.\"",
    ]);
    assert_eq!(s, [some("Steve Ouma")]);
}

// Organisations

#[test]
fn an_organisation_speaks_through_its_statement() {
    let s = speakers(&[
        "The Kenya Ports Authority closed two berths on Friday.",
        "\"Repairs will take a fortnight,\" the statement said.",
    ]);
    assert_eq!(s, [some("Kenya Ports Authority")]);
}

#[test]
fn the_ministry_is_the_ministry_the_story_named() {
    let s = speakers(&[
        "The Ministry of Health and the Kenya Red Cross sent teams to the camp.",
        "\"Cases have fallen for a week,\" the ministry said in a statement.",
    ]);
    assert_eq!(s, [some("Ministry of Health")]);
}

#[test]
fn it_and_the_group_stand_for_the_organisation() {
    let s = speakers(&[
        "The group, Lamu Fishers United, wrote to the governor last month.",
        "\"Our boats stay ashore until the ban ends,\" the group added.",
        "\"We want talks,\" it said.",
    ]);
    assert_eq!(s, [some("Lamu Fishers United"), some("Lamu Fishers United")]);
}

#[test]
fn according_to_an_acronym_gives_the_full_name() {
    let s = speakers(&[
        "The Kenya Wildlife Service (KWS) counted the herds in March.",
        "The migration \"began two weeks early this year,\" according to the KWS.",
    ]);
    assert_eq!(s, [some("Kenya Wildlife Service")]);
}

#[test]
fn a_country_and_its_military_speak_as_one() {
    let s = speakers(&[
        "The Ugandan military confirmed the crash on Tuesday.",
        "\"No hostile fire was involved,\" the statement said.",
    ]);
    assert_eq!(s, [some("Ugandan military")]);
}

// Unnamed speakers

#[test]
fn an_unnamed_speaker_is_null_even_when_others_are_named() {
    let s = speakers(&[
        "Governor Mary Njoki opened the market on Monday.",
        "\"The stalls are too small,\" one trader said.",
        "\"Nobody asked us,\" the vendor said.",
        "Another reportedly said: \"We will move back to the roadside.\"",
    ]);
    assert_eq!(s, [None, None, None]);
}

// Carry-over

#[test]
fn a_quote_alone_continues_the_speaker() {
    let s = speakers(&["\"We start on Monday,\" said Chebet Langat.", "\"And we finish before the rains.\""]);
    assert_eq!(s, [some("Chebet Langat"), some("Chebet Langat")]);
}

#[test]
fn a_quote_alone_follows_the_person_the_narration_turned_to() {
    let s = speakers(&[
        "\"We start on Monday,\" said Chebet Langat.",
        "Omondi Were, the site engineer, was less sure. Were has built four bridges on the river.",
        "\"The river decides when we finish.\"",
    ]);
    assert_eq!(s, [some("Chebet Langat"), some("Omondi Were")]);
}

#[test]
fn a_split_quote_has_one_speaker() {
    let q = quotes(&["\"We are ready,\" Diallo said, \"and we leave on Monday.\""]);
    assert_eq!(q.iter().map(|q| q.speaker.as_deref()).collect::<Vec<_>>(), [Some("Diallo"), Some("Diallo")]);
}

#[test]
fn a_second_partial_quote_joined_by_and_that() {
    let s = speakers(&[
        "The KWS says that the northern route \"carries most of the ivory\" and that \"the southern route is nearly closed.\"",
    ]);
    assert_eq!(s, [some("KWS"), some("KWS")]);
}

// Cues

#[test]
fn cue_phrases_are_kept_as_written() {
    assert_eq!(cues(&["\"The roads are open,\" Otieno told reporters on Friday."]), [some("told reporters")]);
    assert_eq!(cues(&["\"It is too early,\" Wekesa weighed in."]), [some("weighed in")]);
    assert_eq!(cues(&["\"The rains failed,\" according to Moraa Nyaboke."]), [some("according to")]);
    assert_eq!(
        cues(&["\"We start on Monday,\" said Chebet Langat.", "\"And we finish before the rains.\""]),
        [some("said"), None]
    );
}

#[test]
fn cue_verbs_beyond_said() {
    let cases = [
        ("Moraa Nyaboke has written that \"the archive is a crime scene.\"", "Moraa Nyaboke"),
        ("Economist Paul Kiprop cautions that \"we are still in the early days of this.\"", "Paul Kiprop"),
        ("Coach Agnes Jeptoo bemoans that \"the track has not been resurfaced in years.\"", "Agnes Jeptoo"),
        ("Minister Ali Hassan assures that \"every pupil will sit the exam.\"", "Ali Hassan"),
        ("\"Where did the money go?\" asked Senator Mary Njoki.", "Mary Njoki"),
    ];
    for (text, speaker) in cases {
        assert_eq!(speakers(&[text]), [some(speaker)], "{text}");
    }
}

#[test]
fn as_someone_put_it_and_was_how_someone_described_it() {
    assert_eq!(
        speakers(&["The town, as Moraa Nyaboke put it, \"has been waiting for water since independence.\""]),
        [some("Moraa Nyaboke")]
    );
    assert_eq!(
        speakers(&["\"A slow-motion flood that never recedes\" was how Paul Kiprop described it."]),
        [some("Paul Kiprop")]
    );
}

#[test]
fn a_colon_introduces_the_subjects_words() {
    let s = speakers(&[
        "Belize's foreign minister Carla Gomez put it plainly: \"Haiti is our neighbour, and we stay.\"",
    ]);
    assert_eq!(s, [some("Carla Gomez")]);
    let s = speakers(&["Mutua told the committee: \"We were never shown the contract.\""]);
    assert_eq!(s, [some("Mutua")]);
}

#[test]
fn a_dash_signature_names_the_writer() {
    let s = speakers(&["\"He wrote the books nobody else dared to write.\" — Grace Achieng"]);
    assert_eq!(s, [some("Grace Achieng")]);
}

// Marks

#[test]
fn ap_doubled_single_marks_open_and_close_a_quote() {
    let q = quotes(&["‘‘We will rebuild the school before March,’’ said Principal Rose Akinyi."]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "We will rebuild the school before March,");
    assert_eq!(q[0].speaker, some("Rose Akinyi"));
}

#[test]
fn a_closing_mark_typed_as_an_opener_still_opens() {
    let q = quotes(&["Chege said: ”The pumps are running again since noon.”"]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].text, "The pumps are running again since noon.");
    assert_eq!(q[0].speaker, some("Chege"));
}

#[test]
fn mixed_straight_and_curly_marks_pair() {
    let q = quotes(&["\"The ferry is full every morning now,” said Amina Njoki."]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker, some("Amina Njoki"));
}

// Detection

#[test]
fn titles_of_works_are_not_quotes_even_when_attributed() {
    let q = quotes(&[
        "Her song \"Rain Over Kisumu\" topped the charts, said Grace Achieng.",
        "The novel \"Winter Tide, Harbour Lights,\" sold out, and the show \"Coast Nights.\" ran for a year.",
    ]);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn inch_marks_and_codes_are_never_quotes() {
    let q = quotes(&["The 55\" set and the 65\" set are on sale with code \"SAVE50NOW\" until Friday."]);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_few_words_are_a_quote_only_next_to_their_cue() {
    // `notes` is far from the words in marks: they are a term, not speech.
    let q = quotes(&["As Otieno notes, being able to \"taste\" a leak early saves the pipe."]);
    assert!(q.is_empty(), "{q:?}");
    // `called` names a thing, it does not report speech.
    assert!(quotes(&["Wekesa called the plan \"a slow leak.\""]).is_empty());
    // Right next to a cue, a few words are an attributed fragment.
    assert_eq!(speakers(&["\"No,\" Wekesa said."]), [some("Wekesa")]);
    assert_eq!(speakers(&["Wekesa said: \"Not yet.\""]), [some("Wekesa")]);
}

#[test]
fn a_short_whole_sentence_with_no_cue_is_still_speech() {
    let s = speakers(&[
        "\"The pumps failed twice last year,\" said engineer Rose Akinyi.",
        "\"It just stopped.\"",
    ]);
    assert_eq!(s, [some("Rose Akinyi"), some("Rose Akinyi")]);
}

#[test]
fn a_cue_ending_in_a_colon_belongs_to_the_next_quote() {
    let s = speakers(&[
        "\"It is a different craft,\" Achieng said. \"You write for a voice that is not yours.\" Wafula agreed: \"It is another job altogether.\"",
    ]);
    assert_eq!(s, [some("Achieng"), some("Achieng"), some("Wafula")]);
}

#[test]
fn a_description_then_the_name_after_according_to() {
    let s = speakers(&["According to his aunt, Jane Otieno, \"He read before he could walk.\""]);
    assert_eq!(s, [some("Jane Otieno")]);
}

#[test]
fn a_description_that_starts_with_another_persons_name() {
    let s = speakers(&[
        "\"He could have sold more,\" Paul Mwangi, Ruth's husband and the press's editor, said, \"if he had kept to one kind of book.\"",
    ]);
    assert_eq!(s, [some("Paul Mwangi"), some("Paul Mwangi")]);
}

#[test]
fn an_age_after_the_name_and_the_age_as_a_noun_mean_that_person() {
    let s = speakers(&[
        "Mercy Wanjiku, 45, runs a kiosk by the station.",
        "\"Business has never been this slow,\" said the 45-year-old.",
        "\"I may close before Christmas,\" she told the Daily Nation.",
    ]);
    assert_eq!(s, [some("Mercy Wanjiku"), some("Mercy Wanjiku")]);
}

#[test]
fn an_organisation_named_only_later_does_not_speak_earlier() {
    let s = speakers(&[
        "The company said in a statement that \"sales fell sharply in the third quarter.\"",
        "Shares of Safaricom fell on the news.",
    ]);
    assert_eq!(s, [None]);
}

#[test]
fn an_organisation_in_the_headline_speaks_through_its_statement() {
    let body = Paragraphs::from_iter(["\"The berths reopen on Monday,\" the statement said."]);
    let q = find_quotes(&body, &["Kenya Ports Authority closes two berths for repairs"]);
    assert_eq!(q[0].speaker, some("Kenya Ports Authority"));
}
