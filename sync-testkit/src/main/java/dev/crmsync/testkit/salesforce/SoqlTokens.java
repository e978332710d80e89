package dev.crmsync.testkit.salesforce;

import java.util.ArrayList;
import java.util.List;

/** Splits SOQL into words, quoted strings (quotes kept, {@code \'} unescaped) and the symbols {@code ( ) , = != < <= > >=}. */
final class SoqlTokens {
    private final List<String> tokens;
    private int position;

    private SoqlTokens(List<String> tokens) {
        this.tokens = tokens;
    }

    static SoqlTokens of(String soql) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < soql.length()) {
            char c = soql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder text = new StringBuilder("'");
                i++;
                while (i < soql.length() && soql.charAt(i) != '\'') {
                    if (soql.charAt(i) == '\\' && i + 1 < soql.length()) {
                        i++;
                    }
                    text.append(soql.charAt(i++));
                }
                if (i >= soql.length()) {
                    throw SoapFault.malformedQuery("unterminated string literal in: " + soql);
                }
                i++;
                tokens.add(text.append('\'').toString());
            } else if ("(),".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else if ("=!<>".indexOf(c) >= 0) {
                boolean two = i + 1 < soql.length() && soql.charAt(i + 1) == '=';
                tokens.add(soql.substring(i, i + (two ? 2 : 1)));
                i += two ? 2 : 1;
            } else {
                int start = i;
                while (i < soql.length() && !Character.isWhitespace(soql.charAt(i))
                        && "(),=!<>'".indexOf(soql.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(soql.substring(start, i));
            }
        }
        return new SoqlTokens(tokens);
    }

    String peek() {
        return position < tokens.size() ? tokens.get(position) : null;
    }

    String next() {
        if (position >= tokens.size()) {
            throw SoapFault.malformedQuery("unexpected end of query");
        }
        return tokens.get(position++);
    }

    String identifier() {
        String token = next();
        if (!token.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw SoapFault.malformedQuery("unexpected token: '" + token + "'");
        }
        return token;
    }

    boolean skip(String symbol) {
        if (symbol.equals(peek())) {
            position++;
            return true;
        }
        return false;
    }

    boolean skipKeyword(String keyword) {
        if (peek() != null && keyword.equalsIgnoreCase(peek())) {
            position++;
            return true;
        }
        return false;
    }

    void expect(String symbol) {
        if (!skip(symbol)) {
            throw SoapFault.malformedQuery("expected '" + symbol + "', found '" + peek() + "'");
        }
    }

    void expectKeyword(String keyword) {
        if (!skipKeyword(keyword)) {
            throw SoapFault.malformedQuery("expected " + keyword + ", found '" + peek() + "'");
        }
    }

    void expectEnd() {
        if (peek() != null) {
            throw SoapFault.malformedQuery("unexpected token: '" + peek() + "'");
        }
    }
}
