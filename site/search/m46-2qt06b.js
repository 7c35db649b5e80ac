window.__ggSearch.add("m46-2qt06b","`.html#term-workerLayout\tVocabulary \u203a worker layout gg:workerLayout\tHow the workers of a well-lit path are laid out, exactly as the ");
