# Sourced by bench/feedparser.sh and bench/fetch.sh: downloads (once) the
# feedparser sdist from PyPI and sets $tests to its test-suite directory,
# about 2,200 real-world feeds.
feedparser_set() {
    local version=$1
    local work=${FEEDPARSER_DIR:-/tmp/byline-feedparser}
    mkdir -p "$work"
    if [ ! -d "$work/feedparser-$version/tests" ]; then
        (cd "$work" &&
            python3 -m pip download "feedparser==$version" --no-binary :all: --no-deps -d . --quiet &&
            tar xzf "feedparser-$version.tar.gz")
    fi
    tests=$work/feedparser-$version/tests
}
