//! The `timeline` binary on small inputs: output formats, and bad input giving a clear error
//! (file, line, what was expected) with a non-zero exit, never a panic.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_timeline"))
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("timeline-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut c = bin();
    c.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    if let Some(input) = stdin {
        // the binary may stop (with an error) before it reads its input
        let _ = child.stdin.take().unwrap().write_all(input);
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn jsonl_from_stdin_gives_one_record_a_mention() {
    let o = run(
        &["dates", "-", "--format", "jsonl"],
        Some(br#"{"id": "004", "published": "2025-04-22", "text": "Putin suggested on Monday that talks resume."}"#),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let rec: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(rec["id"], "004");
    assert_eq!(rec["text"], "Monday");
    assert_eq!(rec["type"], "DATE");
    assert_eq!(rec["value"], "2025-04-21");
    assert_eq!(rec["anchor"], "2025-04-22");
    assert_eq!((rec["start"].as_u64(), rec["end"].as_u64()), (Some(19), Some(25)));
    assert!(rec["reason"].as_str().unwrap().contains("past tense"));
}

#[test]
fn bundled_corpus_is_the_default_input() {
    let o = run(&["dates"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("== 004 (2025-04-22)"), "{out}");
    assert!(out.contains("\"June 15-16\""), "{out}");
}

#[test]
fn verbose_reports_skipped_furniture() {
    let o = run(&["dates", "--verbose"], None);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("skipped (read also): \"Read also: Putin flew"), "{out}");
    assert!(out.contains("skipped (leave a reply): \"You May Also Like\""), "{out}");
    // Article 000 prints its headline three times: the first is the story.
    assert_eq!(out.matches("skipped (a line the page repeats): \"They affirm that Putin").count(), 2, "{out}");
}

#[test]
fn prefer_future_holds_for_the_whole_run() {
    let input = br#"{"id": "a", "published": "2025-04-22", "text": "Trump said on Friday that he was done."}"#;
    let o = run(&["dates", "-", "--format", "jsonl", "--prefer", "future"], Some(input));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("\"value\":\"2025-04-25\""), "{out}");
}

#[test]
fn text_files_take_a_date_from_the_command_line_or_stay_unanchored() {
    let d = scratch("txt");
    let f = write(&d, "note.txt", b"The ministers met yesterday.");
    let o = run(&["dates", &f, "--published", "2024-05-25", "--format", "jsonl"], None);
    assert!(String::from_utf8(o.stdout).unwrap().contains("\"value\":\"2024-05-24\""));
    let o = run(&["dates", &f, "--format", "jsonl"], None);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("\"value\":\"XXXX-XX-XX\"") && out.contains("no publication date"), "{out}");
}

#[test]
fn invalid_json_names_the_file_and_line() {
    let d = scratch("badjson");
    let f = write(&d, "in.jsonl", b"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \n");
    let o = run(&["dates", &f], None);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("in.jsonl:2: invalid article JSON"), "{e}");
    assert!(!e.contains("panicked"), "{e}");
}

#[test]
fn missing_text_and_bad_dates_are_reported() {
    let o = run(&["dates", "-"], Some(b"{\"id\": \"b\", \"published\": \"2024-01-01\"}\n"));
    assert!(!o.status.success());
    assert!(stderr(&o).contains("<stdin>:1: article b has no `text` field"), "{}", stderr(&o));
    let o = run(&["dates", "-"], Some(b"{\"id\": \"c\", \"published\": \"the other day\", \"text\": \"x\"}\n"));
    assert!(!o.status.success());
    assert!(stderr(&o).contains("article c: cannot read publication date \"the other day\""), "{}", stderr(&o));
    let o = run(&["dates", "-", "--published", "someday"], Some(b"{\"id\": \"c\", \"text\": \"x\"}\n"));
    assert!(!o.status.success());
    assert!(stderr(&o).contains("cannot read date \"someday\""), "{}", stderr(&o));
}

#[test]
fn non_utf8_empty_and_missing_inputs_are_errors() {
    let d = scratch("bytes");
    let f = write(&d, "latin1.txt", b"Caf\xe9 talks on Monday");
    let o = run(&["dates", &f], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("latin1.txt:1: not UTF-8 text (invalid byte at offset 3)"), "{}", stderr(&o));

    let empty = scratch("empty");
    let o = run(&["dates", empty.to_str().unwrap()], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no articles found"), "{}", stderr(&o));

    let o = run(&["dates", "/no/such/file.jsonl"], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("/no/such/file.jsonl: cannot read"), "{}", stderr(&o));

    let o = run(&["dates", "-"], Some(b"\n\n"));
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no articles found"), "{}", stderr(&o));
}

#[test]
fn bad_manifest_names_its_line() {
    let d = scratch("manifest");
    write(&d, "manifest.ron", b"Manifest(\n  articles: [\n    (id: \"a\", file: 12),\n  ],\n)\n");
    let o = run(&["dates", d.to_str().unwrap()], None);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(e.contains("manifest.ron:3: invalid manifest"), "{e}");
}

#[test]
fn build_writes_the_bundled_timeline_in_each_format() {
    let d = scratch("build");
    let out = d.join("t.json");
    let o = run(&["build", "--format", "json", "-o", out.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let t: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(t["articles"].as_array().unwrap().len(), 5);
    assert_eq!(t["events"][0]["id"], "e1");
    let o = run(&["build", "--format", "ron"], None);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("Timeline("));
    let o = run(&["build", "--verbose"], None);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Jun 15-16, 2024"), "{text}");
    assert!(text.contains("(date from \"June 15-16\")"), "{text}");
}

#[test]
fn build_reports_bad_input_and_articles_without_events() {
    let o = run(
        &["build", "-"],
        Some(b"{\"id\": \"a\", \"published\": \"2024-05-25\", \"text\": \"Nothing happened.\"}\n{\"id\": \"b\"}\n"),
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("<stdin>:2: article b has no `text` field"), "{}", stderr(&o));
    let o = run(
        &["build", "-", "--verbose"],
        Some(b"{\"id\": \"a\", \"published\": \"2024-05-25\", \"text\": \"Nothing happened.\"}\n"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("a: no events found"), "{}", stderr(&o));
    let o = run(&["build", "-o", "/no/such/dir/t.json"], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("/no/such/dir/t.json: cannot write"), "{}", stderr(&o));
    let o = run(&["build", "/no/such/dir"], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("/no/such/dir: cannot read"), "{}", stderr(&o));
}

#[test]
fn build_output_format_follows_the_extension_and_diff_reports_what_new_articles_did() {
    let d = scratch("diff");
    let old = d.join("old.ron").to_string_lossy().into_owned();
    let new = d.join("new.json").to_string_lossy().into_owned();
    let more = write(
        &d,
        "more.jsonl",
        br#"{"id": "late", "published": "2024-06-17", "text": "The peace summit in Switzerland was held on June 15-16."}
{"id": "later", "published": "2025-04-28", "text": "Putin on Monday declared a ceasefire in Ukraine from May 8 to May 10."}
"#,
    );
    assert!(run(&["build", "-o", &old], None).status.success());
    assert!(std::fs::read_to_string(&old).unwrap().starts_with("Timeline("), "RON by extension");
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/timelines/ukraine-ceasefire");
    assert!(run(&["build", corpus, &more, "-o", &new], None).status.success());
    assert!(std::fs::read_to_string(&new).unwrap().starts_with("{"), "JSON by extension");

    let o = run(&["diff", &old, &new], None);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.contains("Jun 15-16, 2024") && out.contains("(+ late)"), "{out}");
    assert!(
        out.lines().any(|l| l.starts_with("new ")
            && l.contains("Apr 28, 2025")
            && l.contains("declared ceasefire")
            && l.contains("(+ later)")),
        "{out}"
    );

    let o = run(&["diff", &old, &more], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("more.jsonl: unknown format \"jsonl\""), "{}", stderr(&o));
    let bad = write(&d, "bad.json", b"{\"title\": 3}");
    let o = run(&["diff", &old, &bad], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("bad.json: invalid timeline"), "{}", stderr(&o));
    let o = run(&["build", "-o", &d.join("t.docx").to_string_lossy()], None);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains(
            "t.docx: unknown format \"docx\"; expected one of txt, json, ron, html, timelinejs.json, ics or md"
        ),
        "{}",
        stderr(&o)
    );
}

#[test]
fn events_jsonl_carries_the_contract_fields() {
    let o = run(&["events", "--format", "jsonl"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    let mut n = 0;
    let mut anchored = 0;
    let mut places = 0;
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in [
            "id",
            "start",
            "end",
            "text",
            "lemma",
            "class",
            "tense",
            "aspect",
            "polarity",
            "modality",
            "sentence",
            "participants",
            "place",
            "anchor",
        ] {
            assert!(v.get(key).is_some(), "no {key:?} in {line}");
        }
        assert!(v["start"].as_u64() < v["end"].as_u64());
        if let Some(p) = v["place"].as_object() {
            assert_eq!(p["role"], "place", "{line}");
            places += 1;
        }
        if let Some(a) = v["anchor"].as_object() {
            anchored += 1;
            for key in ["start", "end", "text", "value", "relation"] {
                assert!(a.contains_key(key), "anchor without {key:?}: {line}");
            }
        }
        n += 1;
    }
    assert!(
        n > 100 && anchored > 20 && places > 5,
        "{n} events, {anchored} anchored, {places} placed on the bundled corpus"
    );
    let text = run(&["events"], None);
    assert!(text.status.success());
    assert!(String::from_utf8_lossy(&text.stdout).contains("REPORTING"));
}

#[test]
fn events_bad_input_is_a_clear_error() {
    let d = scratch("events-bad");
    let f = write(&d, "in.jsonl", b"{\"id\": \"a\", \"published\": \"2025-04-22\"}\n");
    let o = run(&["events", &f], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("in.jsonl:1: article a has no `text` field"), "{}", stderr(&o));
    let long = "word ".repeat(5000);
    let f = write(&d, "long.txt", long.as_bytes());
    let o = run(&["events", &f, "--published", "2025-04-22"], None);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn extreme_publication_dates_and_byte_order_marks_are_handled() {
    let d = scratch("extreme");
    // Published at the edge of the calendar, with "last week": an error, never a panic.
    let f = write(
        &d,
        "edge.jsonl",
        b"{\"id\": \"a\", \"published\": \"-262143-01-01\", \"text\": \"Talks were held last week.\"}\n",
    );
    for cmd in ["dates", "events", "build"] {
        let o = run(&[cmd, &f], None);
        assert_eq!(o.status.code(), Some(1), "{cmd}: {}", stderr(&o));
        assert!(stderr(&o).contains("cannot read publication date \"-262143-01-01\""), "{}", stderr(&o));
    }
    // Through the library, such a date anchors nothing.
    let a = timeline::corpus::Article::new(
        "a",
        "Talks were held last week.",
        chrono::NaiveDate::from_ymd_opt(-262143, 1, 1),
    );
    let found = timeline::dates::DateExtractor::new(Default::default()).extract(&a);
    assert_eq!(found.mentions[0].value.timex(), "XXXX-WXX");
    // A UTF-8 byte order mark before JSONL or text.
    let f = write(
        &d,
        "bom.jsonl",
        "\u{feff}{\"id\": \"a\", \"published\": \"2025-04-22\", \"text\": \"Talks on Monday.\"}\n".as_bytes(),
    );
    let o = run(&["dates", &f, "--format", "jsonl"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("2025-04-21"));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::io::{BufRead, BufReader};
    let d = scratch("pipe");
    let line = "{\"id\": \"ID\", \"published\": \"2025-04-22\", \"text\": \"Talks were held on Monday and again last week.\"}\n";
    let many: String = (0..3000).map(|i| line.replace("ID", &i.to_string())).collect();
    let f = write(&d, "many.jsonl", many.as_bytes());
    for cmd in ["dates", "events"] {
        let mut child = bin().args([cmd, &f]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap(); // then the reader is dropped
        let o = child.wait_with_output().unwrap();
        assert!(first.starts_with("== 0"), "{first}");
        assert_eq!(o.status.code(), Some(0), "{cmd}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{cmd}: {}", stderr(&o));
    }
}

#[test]
fn plain_text_on_standard_input_is_one_article() {
    let text = b"Putin suggested on Monday that Russia and Ukraine hold talks.\n";
    let o = run(&["dates", "-", "--published", "2025-04-22", "--format", "jsonl"], Some(text));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("\"id\":\"stdin\"") && out.contains("2025-04-21"), "{out}");
    // Without a publication date it says so, as for a .txt file.
    let o = run(&["dates", "-"], Some(b"Talks were held last week.\n"));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("no publication date"));
    for cmd in ["events", "build"] {
        let o = run(&[cmd, "-", "--published", "2025-04-22"], Some(text));
        assert!(o.status.success(), "{cmd}: {}", stderr(&o));
        assert!(String::from_utf8_lossy(&o.stdout).contains("suggested"), "{cmd}");
    }
    // JSONL still arrives as JSONL.
    let o =
        run(&["dates", "-"], Some(b"{\"id\": \"a\", \"published\": \"2025-04-22\", \"text\": \"Talks on Monday.\"}\n"));
    assert!(String::from_utf8_lossy(&o.stdout).contains("== a (2025-04-22)"));
}

#[test]
fn an_id_with_a_line_break_cannot_forge_a_line() {
    let d = scratch("forge");
    let f = write(
        &d,
        "in.jsonl",
        b"{\"id\": \"a\\nApr 1, 2025  Forged event  [x]\", \"published\": \"2025-04-22\", \"text\": \"Putin suggested on Monday that Russia and Ukraine hold bilateral talks.\"}\n",
    );
    let o = run(&["build", &f, "-v"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.lines().any(|l| l.starts_with("Apr 1, 2025")), "{out}");
    assert!(out.contains("[a\\nApr 1, 2025  Forged event  [x]]"), "{out}");
}

#[test]
fn output_never_overwrites_an_input_and_leaves_no_partial_file() {
    let d = scratch("overwrite");
    let body = b"[{\"id\": \"a\", \"published\": \"2025-04-22\", \"text\": \"Putin suggested on Monday that Russia and Ukraine hold talks.\"}]";
    let f = write(&d, "in.json", body);
    let o = run(&["build", &f, "-o", &f], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("refusing to overwrite an input"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&f).unwrap(), body, "the input is untouched");
    // Into the folder being read, as an article file: refused too.
    let dir = d.to_string_lossy().into_owned();
    let o = run(&["build", &dir, "-o", &d.join("out.json").to_string_lossy()], None);
    assert!(stderr(&o).contains("refusing to overwrite an input"), "{}", stderr(&o));
    // Elsewhere: written whole, no temporary file left beside it.
    let out = scratch("overwrite-out");
    let target = out.join("t.json");
    let o = run(&["build", &f, "-o", &target.to_string_lossy()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&target).unwrap().contains("\"events\""));
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
}

#[test]
fn a_manifest_reads_only_inside_its_folder() {
    let d = scratch("outside");
    std::fs::create_dir_all(d.join("corpus")).unwrap();
    write(&d, "secret.txt", b"Private notes written on Monday.");
    let m = write(
        &d.join("corpus"),
        "manifest.ron",
        b"Manifest(title: None, articles: [(id: \"s\", file: \"../secret.txt\", published: Some(\"2025-04-22\"))])",
    );
    let o = run(&["dates", &m], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("outside the manifest's folder"), "{}", stderr(&o));
    let o = run(&["dates", &m, "--allow-outside-paths"], None);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn nothing_is_dropped_without_a_word() {
    let d = scratch("silent");
    // A misspelled date field: a warning that names both, and the undated article is named.
    let f = write(&d, "in.jsonl", b"{\"id\": \"a\", \"publised\": \"2025-04-22\", \"text\": \"Talks on Monday.\"}\n");
    let o = run(&["dates", &f], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("unknown field `publised`: did you mean `published`?"), "{}", stderr(&o));
    assert!(stderr(&o).contains("article a has no publication date"), "{}", stderr(&o));
    for field in ["published_at", "date"] {
        let body = format!("{{\"id\": \"a\", \"{field}\": \"2025-04-22\", \"text\": \"Talks.\"}}\n");
        let f = write(&d, "alias.jsonl", body.as_bytes());
        let o = run(&["dates", &f], None);
        assert!(stderr(&o).contains(&format!("`{field}`: did you mean `published`?")), "{}", stderr(&o));
    }
    // --strict makes it an error.
    let o = run(&["dates", &f, "--strict"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("(an error under --strict)"), "{}", stderr(&o));
    // A folder: .ndjson is read; a subfolder and other files are named.
    let dir = d.join("folder");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    write(&dir, "b.ndjson", b"{\"id\": \"b\", \"published\": \"2025-04-22\", \"text\": \"Talks on Monday.\"}\n");
    write(&dir, "notes.md", b"# notes");
    let o = run(&["dates", &dir.to_string_lossy()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("== b (2025-04-22)"));
    assert!(stderr(&o).contains("sub: skipped: a folder inside a folder input is not read"), "{}", stderr(&o));
    assert!(stderr(&o).contains("notes.md: skipped: not an article file"), "{}", stderr(&o));
}

#[test]
fn html_treats_ids_as_data() {
    let d = scratch("html-ids");
    let f = write(
        &d,
        "in.jsonl",
        "{\"id\": \"AP 1 \\\"Kyiv\\\" é\", \"published\": \"2025-04-22\", \"text\": \"Putin suggested on Monday that Russia and Ukraine hold bilateral talks.\"}\n"
            .as_bytes(),
    );
    let o = run(&["build", &f, "--format", "html"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = String::from_utf8_lossy(&o.stdout);
    assert!(html.contains("value=\"0\" data-id=\"AP 1 &quot;Kyiv&quot; é\""), "the checkbox carries the id as data");
    for attr in html.split("data-sources=\"").skip(1) {
        let v = &attr[..attr.find('"').unwrap()];
        assert!(v.split(' ').all(|i| i.parse::<usize>().is_ok()), "data-sources holds indexes: {v:?}");
    }
}

#[test]
fn top_keeps_the_key_events_and_verbose_says_why() {
    let o = run(&["build", "--top", "3", "-v"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("3 events from 5 articles"), "{out}");
    assert_eq!(out.matches("why: rank ").count(), 3, "{out}");
    assert!(out.contains("why: rank 1 of "), "{out}");
    let days = run(&["build", "--top-days", "1", "--format", "json"], None);
    let t: serde_json::Value = serde_json::from_slice(&days.stdout).unwrap();
    let starts: Vec<&str> =
        t["events"].as_array().unwrap().iter().map(|e| e["when"]["start"].as_str().unwrap()).collect();
    assert!(!starts.is_empty() && starts.iter().all(|s| *s == starts[0]), "{starts:?}");
    assert!(t["events"][0]["importance"].as_f64().unwrap() > 0.0);
    // one or the other
    let both = run(&["build", "--top", "3", "--top-days", "2"], None);
    assert!(!both.status.success());
    assert!(stderr(&both).contains("cannot be used with"), "{}", stderr(&both));
    // the page keeps every entry, the key-events switch on
    let dir = scratch("top-html");
    let page = dir.join("key.html");
    let o = run(&["build", "--top", "4", "-o", page.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains(r#"name="key" checked"#) && html.contains(r#"name="keyn" value="4""#));
    let all = run(&["build", "--format", "json"], None);
    let t: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    assert_eq!(html.matches("<li class=\"event").count(), t["events"].as_array().unwrap().len());
}

#[test]
fn a_large_build_is_quiet_when_standard_error_is_piped() {
    // 400 articles: enough for a progress bar on a terminal, none when piped.
    let dir = scratch("quiet");
    let lines: String = (0..400)
        .map(|i| format!("{{\"id\": \"a{i}\", \"published\": \"2024-06-20\", \"text\": \"Talks were held in Geneva on Monday.\"}}\n"))
        .collect();
    let path = write(&dir, "many.jsonl", lines.as_bytes());
    let o = run(&["build", &path], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "nothing on a piped standard error");
    assert!(String::from_utf8_lossy(&o.stdout).contains("from 400 articles"));
}

/// The labels of `timeline build INPUT --about NAME`.
fn labels_about(input: &str, name: &str) -> Vec<String> {
    let o = run(&["build", input, "--about", name, "--format", "json"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let t: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    t["events"].as_array().unwrap().iter().map(|e| e["label"].as_str().unwrap().to_string()).collect()
}

#[test]
fn about_keeps_the_events_of_a_name_and_its_aliases() {
    let dir = scratch("about");
    let path = write(
        &dir,
        "eads.jsonl",
        br#"{"id": "a", "published": "2008-03-01", "text": "The European Aeronautic Defence and Space Company (EADS) won a tanker contract on Friday."}
{"id": "b", "published": "2008-03-04", "text": "EADS opened a plant in Alabama on Monday."}
{"id": "c", "published": "2008-03-12", "text": "Boeing protested the award on Tuesday."}
"#,
    );
    let labels = labels_about(&path, "European Aeronautic Defence and Space Company");
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert!(labels.iter().all(|l| !l.contains("Boeing")), "{labels:?}");
    let both = run(&["build", &path, "--about", "EADS", "--about", "Boeing"], None);
    assert!(String::from_utf8_lossy(&both.stdout).contains("3 events"), "{}", String::from_utf8_lossy(&both.stdout));
}

#[test]
fn about_a_full_name_leaves_out_another_bearer_of_its_surname() {
    // two silver reports: Jordan's King Hussein is not Saddam Hussein
    let dir = scratch("about-surname");
    let path = write(
        &dir,
        "hussein.jsonl",
        br#"{"id": "a", "published": "1997-04-30", "text": "Jordan's King Hussein has decided to grant refuge to Mussa Abu Marzuk, political leader of the Palestinian militant group HAMAS, after convincing Washington to free him, officials announced Wednesday."}
{"id": "b", "published": "2005-12-05", "text": "The trial of ousted Iraqi dictator Saddam Hussein was adjourned Monday until Wednesday, an AFP correspondent said."}
"#,
    );
    let labels = labels_about(&path, "Saddam Hussein");
    assert!(labels.iter().any(|l| l.contains("Saddam Hussein")), "{labels:?}");
    assert!(labels.iter().all(|l| !l.contains("King Hussein")), "{labels:?}");
}

#[test]
fn a_build_over_shards_is_the_same_timeline_as_a_build_from_the_articles() {
    // The map step (`timeline events --format entries`) on three shards, then the reduce step
    // (`timeline build` on the *.entries.jsonl files, in order): byte for byte the timeline of
    // a build from the articles.
    let dir = scratch("shards");
    let corpus =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/bird-flu-2005.jsonl")).unwrap();
    let lines: Vec<&str> = corpus.lines().take(15).collect();
    let all = write(&dir, "all.jsonl", (lines.join("\n") + "\n").as_bytes());
    let mut outputs = Vec::new();
    for (k, shard) in lines.chunks(5).enumerate() {
        let input = write(&dir, &format!("part-{k}.jsonl"), (shard.join("\n") + "\n").as_bytes());
        let o = run(&["events", &input, "--format", "entries"], None);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(o.stdout.iter().filter(|&&b| b == b'\n').count(), shard.len(), "one record an article");
        outputs.push(write(&dir, &format!("part-{k}.entries.jsonl"), &o.stdout));
    }
    let mut args = vec!["build"];
    args.extend(outputs.iter().map(String::as_str));
    args.extend(["--format", "json"]);
    let reduced = run(&args, None);
    assert!(reduced.status.success(), "{}", stderr(&reduced));
    let direct = run(&["build", &all, "--format", "json"], None);
    assert!(String::from_utf8_lossy(&direct.stdout).contains("\"events\""));
    assert_eq!(String::from_utf8_lossy(&reduced.stdout), String::from_utf8_lossy(&direct.stdout));
    // articles and map output are not mixed; a bad record names its file and line
    let mixed = run(&["build", &all, &outputs[0]], None);
    assert!(!mixed.status.success() && stderr(&mixed).contains("not both"), "{}", stderr(&mixed));
    let bad = write(&dir, "bad.entries.jsonl", b"{\"id\": \"x\"}\n");
    let o = run(&["build", &bad], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("bad.entries.jsonl") && stderr(&o).contains("line 1"), "{}", stderr(&o));
    // overlapping shards would count an article's reports twice: refused, as a duplicate id is
    let o = run(&["build", &outputs[0], &outputs[1], &outputs[0]], None);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("duplicate article id") && stderr(&o).contains("part-0.entries.jsonl:1"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn output_to_a_pipe_or_a_link_writes_through_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = scratch("through");
    // a FIFO (as /dev/null or /dev/stdout are devices): written through, never replaced
    let fifo = dir.join("out.json");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let o = run(&["build", "-o", fifo.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    // checked before waiting for the reader, which would wait forever on a replaced pipe
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the pipe is still a pipe");
    assert!(reader.join().unwrap().contains("\"events\""));
    // a symbolic link keeps pointing at its target, which gets the new timeline
    let target = write(&dir, "target.txt", b"old");
    let link = dir.join("latest.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let o = run(&["build", "-o", link.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link is still a link");
    assert!(std::fs::read_to_string(&target).unwrap().contains("Jun 15-16, 2024"));
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes).unwrap();
    z.finish().unwrap()
}

#[test]
fn gzip_compressed_files_are_read_as_what_their_inner_name_says() {
    let d = scratch("gzip");
    let jsonl =
        b"{\"id\": \"w1\", \"published\": \"2025-04-22\", \"text\": \"Talks were held on Monday in Geneva.\"}\n";
    let crawl = write(&d, "crawl.jsonl.gz", &gzip(jsonl));
    write(&d, "note.txt.gz", &gzip(b"The truce began on Saturday."));
    let o = run(&["dates", &crawl, "--format", "jsonl"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"value\":\"2025-04-21\""));
    // A folder: the .txt.gz file's id is its name without either extension.
    let o = run(&["dates", d.to_str().unwrap(), "--published", "2025-04-22", "--format", "jsonl"], None);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success() && out.contains("\"id\":\"note\"") && out.contains("\"id\":\"w1\""), "{out}");
    let o = run(&["build", &crawl], None);
    assert!(o.status.success() && String::from_utf8_lossy(&o.stdout).contains("Apr 21, 2025"), "{}", stderr(&o));
    // A bad line inside the compressed file is named by its line; a file that is not gzip says so.
    let bad = write(&d, "bad.jsonl.gz", &gzip(b"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\"}\n"));
    let o = run(&["build", &bad], None);
    assert!(
        !o.status.success() && stderr(&o).contains("bad.jsonl.gz:2: article b has no `text` field"),
        "{}",
        stderr(&o)
    );
    let fake = write(&d, "fake.jsonl.gz", b"{\"id\": \"a\", \"text\": \"not compressed at all\"}\n");
    let o = run(&["dates", &fake], None);
    assert!(!o.status.success() && stderr(&o).contains("fake.jsonl.gz"), "{}", stderr(&o));
}

#[test]
fn a_damaged_model_or_an_unknown_reading_is_named() {
    let d = scratch("model");
    let model = write(&d, "model.bin", b"not a model at all");
    let o = run(&["train-language", "--evaluate-only", "-o", &model], None);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("model.bin") && err.contains("english model v4") && !err.contains("panicked"), "{err}");
    let o = run(&["train-language", "--readings", "sideways", "-o", &model], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("expected forward, backward, forward-late or backward-late"), "{}", stderr(&o));
}

#[test]
fn a_foreign_event_model_or_articles_beside_map_output_are_named() {
    let d = scratch("event-model");
    let model = write(&d, "events.bin", b"not a model at all");
    let o = run(&["events", "--event-model", &model], None);
    let err = stderr(&o);
    assert!(!o.status.success() && err.contains("events.bin") && err.contains("timeline train-events"), "{err}");
    let part = write(&d, "part-0.entries.jsonl", b"");
    let articles =
        write(&d, "more.jsonl", b"{\"id\": \"a\", \"published\": \"2024-05-01\", \"text\": \"Talks began.\"}\n");
    let o = run(&["build", &part, &articles], None);
    let err = stderr(&o);
    assert!(!o.status.success() && err.contains("more.jsonl") && err.contains("not both"), "{err}");
}

#[test]
fn an_event_model_given_finds_the_entries_too() {
    // An untrained model reads every word as an event: the bundled articles' entries (the map
    // step of a build) then differ from the shipped model's, if they come from the model given.
    let d = scratch("entries-model");
    let bytes = timeline::events::timeml::detect::Detector::untrained().to_bytes();
    let model = write(&d, "untrained.bin", &bytes);
    let entries = |extra: &[&str]| -> Vec<usize> {
        let o = run(&[&["events", "--format", "entries"], extra].concat(), None);
        assert!(o.status.success(), "{}", stderr(&o));
        let lines = String::from_utf8(o.stdout).unwrap();
        let count =
            |l: &str| serde_json::from_str::<serde_json::Value>(l).unwrap()["entries"].as_array().map_or(0, Vec::len);
        lines.lines().map(count).collect()
    };
    let (shipped, untrained) = (entries(&[]), entries(&["--event-model", &model]));
    assert_eq!(shipped.len(), 5);
    assert_ne!(shipped, untrained);
}

/// The CoNLL-U row of `word` in `conllu`, as its columns.
fn row<'a>(conllu: &'a str, word: &str) -> Vec<&'a str> {
    conllu.lines().map(|l| l.split('\t').collect::<Vec<_>>()).find(|c| c.len() == 10 && c[1] == word).unwrap()
}

#[test]
fn parse_shows_the_parse_as_given_or_as_the_event_stage_reads_it() {
    let article = br#"{"id": "un", "published": "1997-04-28", "text": "The United Nations imposed sanctions on Iraq after it invaded Kuwait in 1990."}"#;
    let given = run(&["parse", "-"], Some(article));
    assert!(given.status.success(), "{}", stderr(&given));
    let given = String::from_utf8(given.stdout).unwrap();
    // the tagger read a participle, the parser a noun's modifier
    assert_eq!(row(&given, "imposed")[4..8], ["VBN", "_", "5", "amod"]);
    let mended = run(&["parse", "--mended", "-"], Some(article));
    assert!(mended.status.success(), "{}", stderr(&mended));
    let mended = String::from_utf8(mended.stdout).unwrap();
    assert!(mended.starts_with("# article = un\n"), "{mended}");
    assert_eq!(row(&mended, "imposed")[4..8], ["VBD", "_", "0", "root"]);
    assert_eq!(row(&mended, "sanctions")[6..8], ["4", "obj"]);
    assert_eq!(row(&mended, "invaded")[6..8], ["4", "advcl"]);
}
