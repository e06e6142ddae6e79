use std::fs;

use super::{Stamp, Stamper};

/// A cached file counts as unchanged when its stamp now is the one taken
/// when it was read (by path, from the open file): a stamp taken through
/// its directory must be the same, or every open would parse everything.
#[test]
fn a_stamp_through_the_directory_is_the_stamp_by_path() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one.txt"), dir.path().join("sub/two.txt"));
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(&one, "Title\n\nBody.\n").unwrap();
    fs::write(&two, "Other\n\nMore body text.\n").unwrap();
    let mut stamper = Stamper::default();
    for path in [&one, &two, &one] {
        let by_path = Stamp::of(&fs::metadata(path).unwrap());
        let opened = Stamp::of(&fs::File::open(path).unwrap().metadata().unwrap());
        assert_eq!(stamper.stamp(path).unwrap(), by_path);
        assert_eq!(by_path, opened);
    }
    fs::write(&one, "Title\n\nBody, edited.\n").unwrap();
    assert_eq!(stamper.stamp(&one).unwrap().size, 21, "an edit shows through the open directory");
    fs::remove_file(&two).unwrap();
    assert!(stamper.stamp(&two).is_err(), "a removed file has no stamp");
}

#[cfg(unix)]
#[test]
fn a_stamp_follows_a_symbolic_link_to_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("story.txt");
    fs::write(&target, "Title\n\nBody.\n").unwrap();
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let stamp = Stamper::default().stamp(&link).unwrap();
    assert_eq!(stamp, Stamp::of(&fs::metadata(&target).unwrap()));
}
