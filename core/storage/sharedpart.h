#pragma once
// A container that copies share until one of them writes (copy on write). The snapshot keeps the order
// history (products, orders, lines, baskets: hundreds of MB on a large store) in these, so the document can
// make the next snapshot after an edit of the small editable state (relations, the recommendable switch)
// by copying the snapshot: the history is shared, never copied, and a worker still reading the previous
// snapshot keeps reading the same memory.
//
// Thread safety: copies are made only of a snapshot one thread owns (the loader, or the document on the
// GUI thread making the next snapshot); readers on other threads only read. A write through a shared part
// copies it first, so it never changes memory another snapshot reads.
#include <memory>
#include <utility>

namespace mb {

template <class C>
class SharedPart {
public:
    using value_type = typename C::value_type;
    using size_type = typename C::size_type;
    using const_iterator = typename C::const_iterator;
    using iterator = typename C::iterator;

    SharedPart() : p_(std::make_shared<C>()) {}

    // Reading: the container itself, as every engine function takes it.
    const C &operator*() const { return *p_; }
    const C *operator->() const { return p_.get(); }
    operator const C &() const { return *p_; }
    size_type size() const { return p_->size(); }
    bool empty() const { return p_->empty(); }
    const_iterator begin() const { return p_->cbegin(); }
    const_iterator end() const { return p_->cend(); }
    template <class K> decltype(auto) operator[](const K &k) const { return (*cp())[k]; }
    template <class K> decltype(auto) find(const K &k) const { return p_->find(k); }
    template <class K> decltype(auto) count(const K &k) const { return p_->count(k); }
    template <class K> decltype(auto) at(const K &k) const { return p_->at(k); }
    decltype(auto) front() const { return p_->front(); }
    decltype(auto) back() const { return p_->back(); }
    decltype(auto) data() const { return cp()->data(); }

    // Writing (the loader, tests that build a snapshot by hand, the document patching its copy).
    C &edit()
    {
        if (p_.use_count() > 1) p_ = std::make_shared<C>(*p_);
        return *p_;
    }
    iterator begin() { return edit().begin(); }
    iterator end() { return edit().end(); }
    template <class K> decltype(auto) operator[](const K &k) { return edit()[k]; }
    decltype(auto) front() { return edit().front(); }
    decltype(auto) back() { return edit().back(); }
    decltype(auto) data() { return edit().data(); }
    void push_back(const value_type &v) { edit().push_back(v); }
    void push_back(value_type &&v) { edit().push_back(std::move(v)); }
    template <class... A> decltype(auto) emplace_back(A &&...a) { return edit().emplace_back(std::forward<A>(a)...); }
    template <class... A> decltype(auto) emplace(A &&...a) { return edit().emplace(std::forward<A>(a)...); }
    template <class... A> decltype(auto) insert(A &&...a) { return edit().insert(std::forward<A>(a)...); }
    template <class... A> decltype(auto) erase(A &&...a) { return edit().erase(std::forward<A>(a)...); }
    template <class... A> void assign(A &&...a) { edit().assign(std::forward<A>(a)...); }
    template <class... A> void resize(A &&...a) { edit().resize(std::forward<A>(a)...); }
    void reserve(size_type n) { edit().reserve(n); }
    void clear() { edit().clear(); }
    SharedPart &operator=(C c)
    {
        p_ = std::make_shared<C>(std::move(c));
        return *this;
    }

    // True when both read the same memory (tests prove an edit shares the history).
    bool sharesWith(const SharedPart &o) const { return p_ == o.p_; }

private:
    const C *cp() const { return p_.get(); }
    std::shared_ptr<C> p_;
};

}  // namespace mb
