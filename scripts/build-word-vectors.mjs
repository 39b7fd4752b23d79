console.log('word vectors: pending')
