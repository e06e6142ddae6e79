//! A worker that panics (a bug) costs only its own part. In its own test
//! process: the panic must not meet the crash-report tests' panic hook.

use byline_engine::parallel::map_parts;

#[test]
fn a_part_that_panics_is_missing_and_the_others_are_kept() {
    let results = map_parts(&[1, 2, 3], |n, &p| {
        assert!(n != 1, "a bug in part 1");
        p * 10
    });
    assert_eq!(results, [Some(10), None, Some(30)]);
}
