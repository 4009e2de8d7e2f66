//! Measures the heap the thread index needs for `N` messages (default one
//! million), against a baseline measured in the same run: the same
//! messages' threading headers kept as strings, the straightforward way.
//!
//! ```text
//! cargo run --release --example thread_memory -- 1000000
//! ```
//!
//! Half the messages are customer mails, half replies; half the threads
//! have their reply read before the customer's mail (a Sent folder first),
//! and every fourth reply has no In-Reply-To (found by subject).

use std::process::Command;
use std::sync::Arc;

use bingo::Message;
use bingo::mail::{Mail, MessageKind, Person};
use bingo::threads::{ThreadSettings, ThreadTracker};

/// The peak resident memory of this process, in bytes (Linux).
fn peak_rss() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

fn person(name: &str, address: String) -> Person {
    Person {
        name: Some(name.to_string()),
        address: Some(address),
    }
}

/// The `i`-th synthetic message.
fn message(file: &Arc<str>, i: usize, n: usize) -> Message {
    let thread = i / 2;
    let reply_first = thread % 2 == 0;
    let reply = (i % 2 == 0) == reply_first;
    let customer = format!("asiakas{thread}@example.fi");
    let customer_id = format!("<c{thread}.{:x}@mail.example.fi>", thread * 7919);
    let subject = format!("Tilaus {} ei ole tullut", 100_000 + thread);
    let agent = format!("agentti{}@kassikauppa.fi", thread % 25);
    let date = 1_793_000_000 + i64::try_from(thread).unwrap_or(0) * 600;
    let mail = if reply {
        let headers = thread % 4 != 1;
        Mail {
            message_id: Some(format!("<r{thread}.{:x}@kassikauppa.fi>", thread * 104_729)),
            in_reply_to: if headers {
                vec![customer_id.clone()]
            } else {
                Vec::new()
            },
            references: if headers {
                vec![customer_id]
            } else {
                Vec::new()
            },
            from: Some(person("Agentti", agent)),
            to: vec![person("Asiakas", customer)],
            timestamp: Some(date + 7200),
            subject: Some(format!("Re: {subject}")),
            ..Mail::default()
        }
    } else {
        Mail {
            message_id: Some(customer_id),
            from: Some(person("Asiakas", customer)),
            to: vec![person("Tuki", "tuki@kassikauppa.fi".to_string())],
            timestamp: Some(date),
            subject: Some(subject),
            ..Mail::default()
        }
    };
    let kind = if reply {
        MessageKind::Reply
    } else {
        MessageKind::Customer
    };
    Message::without_context(Arc::clone(file), i.min(n), mail, kind)
}

/// The straightforward index: every message's threading headers as strings.
#[allow(dead_code)]
struct Headers {
    id: Option<String>,
    in_reply_to: Vec<String>,
    references: Vec<String>,
    from: Option<String>,
    to: Option<String>,
    subject: Option<String>,
    date: Option<i64>,
}

/// One measurement in this process: `none` only makes the messages,
/// `naive` keeps their headers, `tracker` threads them.
fn measure(mode: &str, n: usize) -> usize {
    let file: Arc<str> = Arc::from("synthetic.mbox");
    match mode {
        "naive" => {
            let mut naive: Vec<Headers> = Vec::new();
            for i in 0..n {
                let mail = message(&file, i, n).mail;
                naive.push(Headers {
                    id: mail.message_id,
                    in_reply_to: mail.in_reply_to,
                    references: mail.references,
                    from: mail.from.and_then(|p| p.address),
                    to: mail.to.into_iter().next().and_then(|p| p.address),
                    subject: mail.subject,
                    date: mail.timestamp,
                });
            }
            std::hint::black_box(&naive);
        }
        "tracker" => {
            let mut tracker = ThreadTracker::default();
            for i in 0..n {
                tracker.add(&message(&file, i, n));
            }
            let summary = tracker.finish(&ThreadSettings::default());
            assert_eq!(summary.customer_messages, n / 2);
            assert_eq!(summary.no_reply_count(), 0, "every customer is answered");
        }
        "unanswered" => {
            // The customer mails alone: every one is on the no-reply list,
            // and the list is walked the way a report writes it.
            let mut tracker = ThreadTracker::default();
            for i in 0..n {
                let message = message(&file, i, n);
                if message.kind == MessageKind::Customer {
                    tracker.add(&message);
                }
            }
            let summary = tracker.finish(&ThreadSettings::default());
            assert_eq!(summary.no_reply_count(), n / 2);
            let listed: usize = summary.no_reply().map(|c| c.subject.len()).sum();
            std::hint::black_box(listed);
        }
        _ => {
            for i in 0..n {
                std::hint::black_box(message(&file, i, n));
            }
        }
    }
    peak_rss()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args
        .get(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    if let Some(mode) = args.get(2) {
        println!("{}", measure(mode, n));
        return;
    }
    let run = |mode: &str| -> usize {
        let out = Command::new(&args[0])
            .args([n.to_string(), mode.to_string()])
            .output()
            .expect("the example runs itself");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .unwrap_or(0)
    };
    let (none, naive, tracker) = (run("none"), run("naive"), run("tracker"));
    let unanswered = run("unanswered");
    let mb = |b: usize| b as f64 / 1_048_576.0;
    let per = |b: usize| b.saturating_sub(none) as f64 / n as f64;
    println!("messages: {n} (half customer mails, half replies; half the replies read first)");
    println!("peak RSS, messages made and dropped: {:8.1} MB", mb(none));
    println!(
        "peak RSS, headers kept as strings:   {:8.1} MB  (+{:.0} bytes/message)",
        mb(naive),
        per(naive)
    );
    println!(
        "peak RSS, thread index:              {:8.1} MB  (+{:.0} bytes/message)",
        mb(tracker),
        per(tracker)
    );
    println!(
        "peak RSS, the customer mails alone, none answered: {:8.1} MB  (+{:.0} bytes/mail)",
        mb(unanswered),
        2.0 * per(unanswered)
    );
    println!(
        "thread index / header strings (above the empty run): {:.2}",
        tracker.saturating_sub(none) as f64 / naive.saturating_sub(none).max(1) as f64
    );
}
